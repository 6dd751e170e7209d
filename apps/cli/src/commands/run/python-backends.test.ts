import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hubModelRegistry } from '@bollyx/environment-manager';
import { parseSrt } from '@bollyx/subtitles';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pyannoteRepoFiles } from '../../../../../tools/pyannote-hub';
import { buildWheel } from '../../../../../tools/python-wheel';
import { seedSileroModel } from '../../../../../tools/silero-model';
import { startLoopbackHub, type LoopbackHub } from '../../../../../tools/test-http/loopback-hub';

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const cli = path.join(repoRoot, 'apps/cli/bin/bollyx.js');
const standIns = path.join(repoRoot, 'packages/python-stages/python/stand-ins');
const TOKEN = 'hf_loopback_token_5d2e';

let scratch: string;
let wheelhouse: string;
let hub: LoopbackHub;

const bollyx = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [cli, ...args], {
    cwd: repoRoot,
    env: {
      BOLLYX_CACHE_DIR: path.join(scratch, 'cache'),
      BOLLYX_WORKSPACE: path.join(scratch, 'work'),
      BOLLYX_ENV_SPECS_DIR: path.join(scratch, 'specs'),
      // The hub models come from a loopback hub; the pyannote ones are gated behind this token.
      HF_ENDPOINT: hub.endpoint,
      BOLLYX_HF_TOKEN: TOKEN,
      BOLLYX_ASR_MODEL: 'base',
      ...env,
    },
    reject: false,
  });

/**
 * A hub repository with a small file per pattern of its registry entry (an LFS weights file among them); the
 * pyannote ones as the hub has them for what pyannote.audio 3 reads (speaker-diarization-3.1's real config.yaml).
 */
function repoOf(name: string, gated: boolean) {
  const entry = hubModelRegistry.find((candidate) => candidate.name === name)!;
  const paths = (entry.files ?? ['config.json', 'model.bin']).map((pattern) => pattern.replace('*', 'txt'));
  const files = entry.families.includes('diarize-pyannote')
    ? pyannoteRepoFiles(entry.repo)
    : Object.fromEntries(paths.map((file) => [file, Buffer.from(`${name} ${file}\n`)]));
  const commit = Buffer.from(name).toString('hex').padEnd(40, '0').slice(0, 40);
  return {
    repo: entry.repo,
    commit,
    files,
    lfs: Object.keys(files).filter((file) => file.endsWith('.bin')),
    ...(gated ? { token: TOKEN } : {}),
  };
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-python-'));
  // Silero VAD in the model cache, as `bollyx models pull silero-vad` leaves it: no download from npm.
  await seedSileroModel(path.join(scratch, 'cache', 'models'));
  // The environments' requirements: one wheel of the stand-in outside libraries, installed offline into
  // real venvs. Our own scripts run in them as they would with the real libraries.
  wheelhouse = path.join(scratch, 'wheelhouse');
  await buildWheel({ name: 'bollyx-stand-ins', version: '1.0.0', sourceDir: standIns, outDir: wheelhouse });
  const specs = path.join(scratch, 'specs');
  await mkdir(specs);
  const spec = (name: string, serves: string[], probes: string[]) =>
    writeFile(
      path.join(specs, `${name}.yaml`),
      JSON.stringify({ name, description: `${name} with stand-ins`, python: '>=3.9', serves, requirements: ['bollyx-stand-ins==1.0.0'], probes }),
    );
  await spec('whisperx', ['asr-faster-whisper', 'asr-whisperx', 'align-whisperx'], ['faster_whisper', 'whisperx']);
  await spec('pyannote', ['diarize-pyannote'], ['pyannote.audio']);
  await spec('indictrans2', ['translate-indictrans2', 'translate-nllb'], ['transformers']);

  hub = await startLoopbackHub(
    hubModelRegistry
      .filter((entry) => ['faster-whisper-base', 'nllb-200-distilled-600m'].includes(entry.name) || entry.families.includes('diarize-pyannote'))
      .map((entry) => repoOf(entry.name, entry.gated)),
  );
});

afterAll(async () => {
  await hub?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('bollyx run with Python backends, against stand-ins of their libraries', () => {
  it('refuses to start without the environment, then runs faster-whisper, pyannote and NLLB stand-ins in real venvs', async () => {
    const command = ['run', 'samples/sample-hi-en.mp4', '-s', 'hi', '-t', 'en', '--asr', 'faster-whisper', '--diarize', '--translator', 'nllb', '--json'];

    const missing = await bollyx(command);
    // Preflight refuses the job before any stage; every failure is a missing environment, so it fails with that code.
    expect(missing.exitCode, missing.stderr).toBe(61);
    const refusal = JSON.parse(missing.stdout.trim().split('\n').at(-1)!) as { ok: boolean; error: { code: string; message: string; hint: string } };
    expect(refusal.error.code).toBe('ENVIRONMENT_MISSING');
    for (const name of ['whisperx', 'pyannote', 'indictrans2']) expect(refusal.error.hint).toContain(`bollyx env create ${name}`);
    expect(missing.stdout).not.toContain('stage-start');

    for (const name of ['whisperx', 'pyannote', 'indictrans2']) {
      const created = await bollyx(['env', 'create', name, '--wheelhouse', wheelhouse]);
      expect(created.exitCode, created.stderr).toBe(0);
    }

    const result = await bollyx(command);
    expect(result.exitCode, `${result.stderr}\n${result.stdout.slice(-1500)}`).toBe(0);
    const summary = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {
      ok: boolean;
      stages: { id: string; status: string; backend?: string; device?: string }[];
      outputs: { subtitles: Record<string, { srt: string }> };
    };
    expect(summary.ok).toBe(true);
    const byId = Object.fromEntries(summary.stages.map((stage) => [stage.id, stage]));
    expect(Object.values(byId).every((stage) => stage.status === 'ran')).toBe(true);
    expect(byId.asr).toMatchObject({ backend: 'faster-whisper', device: 'cpu' });
    expect(byId.diarize).toMatchObject({ backend: 'pyannote', device: 'cpu' });
    expect(byId['translate-en']).toMatchObject({ backend: 'nllb', device: 'cpu' });
    // No whisper.cpp: neither its engine nor a translate task ran.
    expect(byId.translate).toBeUndefined();
    // The script's progress lines reached the progress stream.
    expect(result.stdout).toMatch(/"type":"stage-progress","stageId":"asr","fraction":0\.\d*[1-9]/);

    const hindi = parseSrt(await readFile(summary.outputs.subtitles.hi!.srt, 'utf8'));
    const english = parseSrt(await readFile(summary.outputs.subtitles.en!.srt, 'utf8'));
    expect(hindi.length).toBeGreaterThan(0);
    expect(english.length).toBeGreaterThan(0);
    expect(hindi[0]!.lines[0]).toMatch(/^\[Speaker 1\] /);
    expect(english[0]!.lines[0]).toMatch(/^\[Speaker 1\] /);
    // The token went to the gated models' hub requests and the diarize script, never into the output.
    expect(result.stdout + result.stderr).not.toContain(TOKEN);

    // The same command again: every stage cached, and the cached models checked without asking the hub.
    const requests = hub.hub.requests.length;
    const again = await bollyx(command);
    expect(again.exitCode, again.stderr).toBe(0);
    const cached = JSON.parse(again.stdout.trim().split('\n').at(-1)!) as { stages: { status: string }[] };
    expect(cached.stages.every((stage) => stage.status === 'cached')).toBe(true);
    expect(hub.hub.requests.length).toBe(requests);

    // A stage whose library cannot find its model fails the run with that failure's documented code (36) and fix.
    const failed = await bollyx([...command, '--from', 'asr'], { BOLLYX_STANDIN_FAIL: 'model-missing' });
    expect(failed.exitCode, failed.stderr).toBe(36);
    const failure = JSON.parse(failed.stdout.trim().split('\n').at(-1)!) as { ok: boolean; error: { code: string; hint: string } };
    expect(failure.error.code).toBe('STAGE_MODEL_MISSING');
    expect(failure.error.hint).toContain('bollyx models pull');
  }, 600_000); // three venvs are made with pip here: minutes on a busy machine
});
