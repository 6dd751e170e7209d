import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { enginesDir, ensureWhisperEngine, whisperTokenCounter } from '@bollyx/environment-manager';
import { asrPrompt, GlossarySchema } from '@bollyx/names';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestWhisperModel } from '../../../../../tools/ggml-model';
import { seedSileroModel } from '../../../../../tools/silero-model';
import { makeMovie, makeSpeechClip } from '../../../../../tools/test-media';
import { DIL_SE, startLoopbackTmdb, type LoopbackTmdb } from '../../../../../tools/test-tmdb';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
// A v3 API key (not a JWT): sent as api_key, so it would show in any URL bollyx logged.
const TMDB_KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00';
let root: string;
let model: string;
let film: string;
let userGlossary: string;
let tmdb: LoopbackTmdb;

interface Summary {
  ok: boolean;
  jobId: string;
  jobDir: string;
  stages: { id: string; status: string }[];
  outputs: { subtitles: Record<string, { srt?: string }> };
}
const lastLine = (stdout: string): Summary => JSON.parse(stdout.trim().split('\n').at(-1)!) as Summary;
const statuses = (summary: Summary) => Object.fromEntries(summary.stages.map((stage) => [stage.id, stage.status]));

/** `bollyx run` of the film in `name`'s own workspace and cache, Hindi transcription only (fast), with TMDB at the loopback server. */
function bollyx(name: string, args: string[], env: Record<string, string> = {}) {
  return execa(process.execPath, [cli, ...args], {
    env: {
      BOLLYX_WORKSPACE: path.join(root, name, 'work'),
      BOLLYX_CACHE_DIR: path.join(root, name, 'cache'),
      // No secrets file of this machine's user is read.
      BOLLYX_CONFIG_DIR: path.join(root, name, 'config'),
      BOLLYX_ENGINES_DIR: enginesDir(),
      BOLLYX_MODELS_DIR: path.join(root, 'models'),
      BOLLYX_ASR_BEAM_SIZE: '1',
      BOLLYX_TMDB_URL: tmdb.url,
      BOLLYX_TMDB_TOKEN: '',
      ...env,
    },
    reject: false,
    cwd: root,
  });
}
const runFilm = (name: string, extra: string[], env?: Record<string, string>) =>
  bollyx(name, ['run', film, '-s', 'hi', '--workflow', 'transcribe', '--no-mux', '--formats', 'srt', '--model', model, '--glossary', userGlossary, '--json', ...extra], env);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-glossary-'));
  tmdb = await startLoopbackTmdb([DIL_SE], { apiKey: TMDB_KEY });
  await ensureWhisperEngine();
  model = (await writeTestWhisperModel(path.join(root, 'ggml-test-tiny.bin'), { seed: 7 })).path;
  await seedSileroModel(path.join(root, 'models'));
  const clip = await makeSpeechClip(path.join(root, 'speech.wav'), { parts: [{ silence: 0.5 }, { say: 'अमर, मेघना कहाँ है?', voice: 'hi' }, { silence: 0.5 }] });
  film = await makeMovie(path.join(root, 'Dil Se (1998).mp4'), { duration: clip.duration, audio: [{ wav: clip.path, language: 'hin' }] });
  userGlossary = path.join(root, 'places.csv');
  await writeFile(userGlossary, 'latin,devanagari,kind,translate,aliases\nHaflong,हाफ़लोंग,place,no,\nAll India Radio,आकाशवाणी,organization,yes,AIR\n', 'utf8');
});

afterAll(async () => {
  await tmdb.close();
  await rm(root, { recursive: true, force: true });
});

describe('the names stage in bollyx run, and bollyx glossary show', () => {
  let online: Summary;

  it('builds the glossary of Dil Se (1998) from TMDB and a glossary file, every name in both scripts, the token nowhere', async () => {
    const result = await runFilm('online', [], { BOLLYX_TMDB_TOKEN: TMDB_KEY });
    expect(result.exitCode, result.stderr).toBe(0);
    online = lastLine(result.stdout);
    expect(statuses(online)).toMatchObject({ demux: 'ran', names: 'ran', vad: 'ran', asr: 'ran' });
    const glossary = JSON.parse(await readFile(path.join(online.jobDir, 'names/glossary.json'), 'utf8'));
    expect(glossary.film).toMatchObject({ tmdbId: 6691, title: 'Dil Se..', originalTitle: 'दिल से..', year: 1998 });
    const byLatin = new Map<string, { devanagari?: string; kind: string; sources: string[] }>(glossary.entries.map((entry: { latin: string }) => [entry.latin, entry]));
    expect(byLatin.get('Shah Rukh Khan')).toMatchObject({ devanagari: 'शाहरुख़ ख़ान', kind: 'person', sources: ['tmdb'] });
    expect(byLatin.get('Manisha Koirala')).toMatchObject({ devanagari: 'मनीषा कोइराला', kind: 'person' });
    for (const character of ['Amarkant Varma', 'Meghna', 'Preeti Nair']) expect(byLatin.get(character)).toMatchObject({ kind: 'character', sources: ['tmdb'] });
    expect(byLatin.get('Haflong')).toMatchObject({ devanagari: 'हाफ़लोंग', kind: 'place', sources: ['user'] });
    for (const entry of glossary.entries) expect(entry.devanagari, entry.latin).toMatch(/\p{Script=Devanagari}/u);
    expect(tmdb.requests.map((request) => request.path)).toEqual(['/3/search/movie', '/3/movie/6691', '/3/movie/6691/credits', '/3/person/35742', '/3/person/35776', '/3/person/35779']);
    // Never in a manifest, a log, an event or the glossary.
    for (const file of [...(await filesUnder(online.jobDir)), ...(await filesUnder(path.join(root, 'online', 'cache', 'tmdb')))]) {
      if (!file.endsWith('.wav') && !file.endsWith('.mp4')) expect(await readFile(file, 'utf8'), file).not.toContain(TMDB_KEY);
    }
    expect(result.stdout + result.stderr).not.toContain(TMDB_KEY);
  });

  it('prompts whisper-cli with the names, carried into every window and nothing else, and records the name corrections', async () => {
    // The binary stage logs its command line first: the names in Devanagari for Hindi, characters first, as
    // many as whisper's prompt budget holds, counted with the model's own tokenizer.
    const log = await readFile(path.join(online.jobDir, 'logs/asr.log'), 'utf8');
    const command = log.split('\n').find((line) => line.startsWith('$ '))!;
    const glossary = GlossarySchema.parse(JSON.parse(await readFile(path.join(online.jobDir, 'names/glossary.json'), 'utf8')));
    const countTokens = whisperTokenCounter(model);
    const prompt = asrPrompt(glossary, { language: 'hi', countTokens });
    expect(prompt.startsWith(`नाम: ${glossary.entries.find((entry) => entry.latin === 'Amarkant Varma')!.devanagari}, `)).toBe(true);
    expect(command).toContain(` --prompt ${JSON.stringify(prompt)} --carry-initial-prompt`);
    // max-context holds the prompt and whisper's <|startofprev|>: 0 would drop the prompt, more would carry decoded text.
    expect(command).toContain(` --max-context ${countTokens(prompt) + 1} `);
    const corrections = JSON.parse(await readFile(path.join(online.jobDir, 'names/corrections.hi.json'), 'utf8'));
    expect(corrections).toMatchObject({ language: 'hi', changes: expect.any(Array) });
    for (const change of corrections.changes) expect(change).toEqual({ before: expect.any(String), after: expect.any(String), start: expect.any(Number), end: expect.any(Number), segment: expect.any(Number), rule: expect.any(String) });
    const noFix = await runFilm('no-fix', ['--no-name-fix']);
    expect(noFix.exitCode, noFix.stderr).toBe(0);
    expect(await readdir(path.join(lastLine(noFix.stdout).jobDir, 'names'))).not.toContain('corrections.hi.json');
  });

  it('shows the glossary with each name’s sources, by job or by movie', async () => {
    const shown = await bollyx('online', ['glossary', 'show', online.jobId]);
    expect(shown.exitCode, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`Glossary of job ${online.jobId} for Dil Se.. (1998), TMDB 6691`);
    expect(shown.stdout).toMatch(/Shah Rukh Khan\s+शाहरुख़ ख़ान\s+person\s+tmdb\s+also SRK, Shahrukh Khan; plays Amarkant Varma/);
    expect(shown.stdout).toMatch(/All India Radio\s+आकाशवाणी\s+organization \(translated\)\s+user/);
    const json = await bollyx('online', ['glossary', 'show', film, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, jobId: online.jobId, glossary: { version: 1 } });
    const none = await bollyx('online', ['glossary', 'show', '20990101-0001']);
    expect(none.exitCode).toBe(26);
  });

  it('keeps a hand edit of the glossary over TMDB, re-running the names stage and what reads it, not demux or vad; a re-run asks TMDB nothing', async () => {
    const file = path.join(online.jobDir, 'names/glossary.json');
    const glossary = JSON.parse(await readFile(file, 'utf8'));
    const amar = glossary.entries.find((entry: { latin: string }) => entry.latin === 'Amarkant Varma');
    amar.devanagari = 'अमरकान्त वर्मा';
    await writeFile(file, JSON.stringify(glossary, null, 2), 'utf8');
    tmdb.requests.length = 0;
    const edited = await runFilm('online', [], { BOLLYX_TMDB_TOKEN: TMDB_KEY });
    expect(edited.exitCode, edited.stderr).toBe(0);
    const summary = lastLine(edited.stdout);
    expect(summary.jobId).toBe(online.jobId);
    expect(statuses(summary)).toMatchObject({ demux: 'cached', vad: 'cached', names: 'ran' });
    const after = JSON.parse(await readFile(file, 'utf8'));
    expect(after.entries.find((entry: { latin: string }) => entry.latin === 'Amarkant Varma')).toMatchObject({ devanagari: 'अमरकान्त वर्मा', sources: ['edit', 'tmdb'] });
    // TMDB's answers came from the cache.
    expect(tmdb.requests).toEqual([]);
  });

  it('finishes offline and without a token, the glossary saying why TMDB was skipped, the hand edit kept, demux and vad untouched', async () => {
    // Without the cached answers: nothing to fall back on.
    await rm(path.join(root, 'online', 'cache', 'tmdb'), { recursive: true, force: true });
    const subtitles: string[] = [];
    for (const [extra, env, note] of [
      [['--offline'], { BOLLYX_TMDB_TOKEN: TMDB_KEY }, 'TMDB skipped: offline (--offline or BOLLYX_OFFLINE)'],
      [[], {}, 'TMDB skipped: no TMDB token (set BOLLYX_TMDB_TOKEN'],
    ] as const) {
      tmdb.requests.length = 0;
      const result = await runFilm('online', [...extra], env);
      expect(result.exitCode, result.stderr).toBe(0);
      const summary = lastLine(result.stdout);
      expect(summary.jobId).toBe(online.jobId);
      expect(statuses(summary)).toMatchObject({ demux: 'cached', vad: 'cached', names: 'ran' });
      expect(summary.stages.every((stage) => stage.status === 'ran' || stage.status === 'cached')).toBe(true);
      const glossary = JSON.parse(await readFile(path.join(summary.jobDir, 'names/glossary.json'), 'utf8'));
      expect(glossary.notes).toEqual([expect.stringContaining(note)]);
      expect(glossary.entries.map((entry: { latin: string; sources: string[] }) => [entry.latin, entry.sources])).toEqual([
        ['Amarkant Varma', ['edit', 'tmdb']],
        ['Haflong', ['user']],
        ['All India Radio', ['user']],
      ]);
      expect(tmdb.requests).toEqual([]);
      subtitles.push(await readFile(summary.outputs.subtitles.hi!.srt!, 'utf8'));
    }
    // The same names either way: the same subtitles.
    expect(subtitles[1]).toBe(subtitles[0]);
  });
});
