import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { enginesDir, ensureWhisperEngine } from '@bollyx/environment-manager';
import { llmTextsSchema } from '@bollyx/pipeline/stages';
import { readManifest } from '@bollyx/stage-runner';
import { parseSrt } from '@bollyx/subtitles';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestWhisperModel } from '../../../../../tools/ggml-model';
import { seedSileroModel } from '../../../../../tools/silero-model';
import { makeMovie, makeSpeechClip } from '../../../../../tools/test-media';
import { startLoopbackLlmServer, type LoopbackLlmServer } from '../../../../../tools/test-llm-server';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
const KEY = 'sk-cli-loopback-key-never-logged-77e0';

let root: string;
let model: string;
let movie: string;
let server: LoopbackLlmServer;

interface Summary {
  ok: boolean;
  jobDir: string;
  stages: { id: string; status: string; backend?: string; metrics?: Record<string, number> }[];
  outputs: { subtitles: Record<string, { srt: string }> };
}
const lastLine = (stdout: string): Summary => JSON.parse(stdout.trim().split('\n').at(-1)!) as Summary;

/** `bollyx run --translator llm` against the loopback server, with the test Whisper model decoded greedily. */
const bollyxRun = (configFile: string) =>
  execa(
    process.execPath,
    [cli, 'run', movie, '-s', 'hi', '-t', 'en', '--model', model, '--no-mux', '--translator', 'llm', '--llm-url', server.url, '--llm-model', 'qwen2.5:7b', '--config', configFile, '--json'],
    {
      env: {
        BOLLYX_WORKSPACE: path.join(root, 'work'),
        BOLLYX_CACHE_DIR: path.join(root, 'cache'),
        BOLLYX_CONFIG_DIR: path.join(root, 'config'),
        BOLLYX_ENGINES_DIR: enginesDir(),
        BOLLYX_MODELS_DIR: path.join(root, 'models'),
        BOLLYX_ASR_BEAM_SIZE: '1',
        BOLLYX_LLM_KEY: KEY,
      },
      reject: false,
      cwd: root,
    },
  );

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-llm-'));
  await ensureWhisperEngine();
  model = (await writeTestWhisperModel(path.join(root, 'ggml-test-tiny.bin'), { seed: 7 })).path;
  await seedSileroModel(path.join(root, 'models'));
  const clip = await makeSpeechClip(path.join(root, 'speech.wav'), {
    parts: [
      { silence: 1 },
      { say: 'नमस्ते दोस्त, गाड़ी सात बजे जाती है।', voice: 'hi' },
      { silence: 1.5 },
      { say: 'जल्दी वापस आना।', voice: 'hi' },
      { silence: 1 },
    ],
  });
  movie = await makeMovie(path.join(root, 'film.mp4'), { duration: clip.duration, audio: [{ wav: clip.path, language: 'hin' }] });
  // The "model" always chokes on line 1: it goes to Whisper's translate task, the configured fallback.
  server = await startLoopbackLlmServer({ failLines: [1], models: [{ id: 'qwen2.5:7b', created: 1_730_000_000, owned_by: 'library' }] });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('bollyx run --translator llm', () => {
  it('writes the English track from the loopback model, Whisper standing in for the line it fails on, with the tokens in the manifest and the summary; a re-run sends nothing', async () => {
    const configFile = path.join(root, 'bollyx.config.json');
    await writeFile(configFile, JSON.stringify({ translation: { llm: { fallback: 'whisper', maxRetries: 0 } } }));
    const result = await bollyxRun(configFile);
    expect(result.stderr).not.toContain('unexpected');
    expect(result.exitCode, result.stderr).toBe(0);
    const summary = lastLine(result.stdout);
    const stage = (id: string) => summary.stages.find((candidate) => candidate.id === id);
    expect(stage('translate-en')).toMatchObject({ status: 'ran', backend: 'llm' });
    expect(stage('translate')).toMatchObject({ status: 'ran' });
    const metrics = stage('translate-en')!.metrics!;
    expect(metrics.llmPromptTokens).toBeGreaterThan(0);
    expect(metrics.llmCompletionTokens).toBeGreaterThan(0);

    const texts = llmTextsSchema.parse(JSON.parse(await readFile(path.join(summary.jobDir, 'transcripts/en.texts.json'), 'utf8')));
    expect(texts.fallbacks).toEqual([{ line: 0, reason: 'the answer is not valid JSON', translator: 'whisper' }]);
    expect(texts.texts.slice(1).every((text) => text === '' || text.startsWith('EN('))).toBe(true);
    const manifest = (await readManifest(path.join(summary.jobDir, 'manifests/translate-en.json')))!;
    expect(manifest.metrics).toEqual(metrics);
    expect(manifest.metrics!.llmRequests).toBe(texts.usage.requests);
    expect(parseSrt(await readFile(summary.outputs.subtitles.en!.srt, 'utf8')).length).toBeGreaterThan(0);

    // The first request: the subtitle style of netflix-en, the numbered lines, the schema.
    const [first] = server.chats();
    await writeFile(path.join(root, 'first-request.json'), JSON.stringify(first, null, 2));
    expect(first!.authorization).toBe(`Bearer ${KEY}`);
    expect(first!.body!.messages[0]!.content).toContain('Translate Hindi dialogue into English subtitles');
    expect(first!.body!.messages[0]!.content).toMatch(/at most 2 lines of 42 characters \(84 in all\), read at \d+ characters per second/);
    expect(first!.body!.messages[1]!.content).toMatch(/^Translate:\n1\. \[≤\d+\] /);

    const chats = server.chats().length;
    const again = await bollyxRun(configFile);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(lastLine(again.stdout).stages.find((candidate) => candidate.id === 'translate-en')).toMatchObject({ status: 'cached' });
    expect(server.chats()).toHaveLength(chats);

    // The key is in no output, log, manifest or job file.
    expect(result.stdout + result.stderr + again.stdout + again.stderr).not.toContain(KEY);
    const files = await readdir(summary.jobDir, { recursive: true, withFileTypes: true });
    for (const file of files.filter((entry) => entry.isFile())) {
      expect(await readFile(path.join(file.parentPath, file.name), 'utf8'), file.name).not.toContain(KEY);
    }
  });
});
