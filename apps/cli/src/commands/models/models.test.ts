import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { modelRegistry } from '@bollyx/environment-manager';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedSileroModel } from '../../../../../tools/silero-model';
import {
  startLoopbackFileServer,
  type LoopbackFileServer,
} from '../../../../../tools/test-http/loopback-file-server';
import { sha256Hex, startLoopbackHub, type HubRepoFixture, type LoopbackHub } from '../../../../../tools/test-http/loopback-hub';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
const tiny = modelRegistry.find((entry) => entry.name === 'tiny');
if (tiny === undefined) throw new Error('tiny is missing from the registry');

let modelsDir: string;
let cacheDir: string;
let server: LoopbackFileServer | undefined;
let hub: LoopbackHub | undefined;

beforeEach(async () => {
  modelsDir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-models-'));
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-cache-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await hub?.close();
  hub = undefined;
  await rm(modelsDir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

// BOLLYX_CACHE_DIR and BOLLYX_CONFIG_DIR keep the Hugging Face cache and secrets of the machine out of it.
const bollyx = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [cli, 'models', ...args], {
    env: { BOLLYX_MODELS_DIR: modelsDir, BOLLYX_CACHE_DIR: cacheDir, BOLLYX_CONFIG_DIR: path.join(cacheDir, 'config'), ...env },
    extendEnv: false,
    reject: false,
  });

const jsonLines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('bollyx models', () => {
  it('lists both registries with what the caches hold', async () => {
    const result = await bollyx(['list', '--json']);
    expect(result.exitCode).toBe(0);
    const { ok, dir, hubDir, models } = JSON.parse(result.stdout);
    expect({ ok, dir, hubDir }).toEqual({ ok: true, dir: modelsDir, hubDir: path.join(cacheDir, 'huggingface', 'hub') });
    const byName = new Map(models.map((model: { name: string }) => [model.name, model]));
    expect(byName.get('large-v3-turbo')).toMatchObject({ kind: 'whisper-ggml', state: 'missing', present: false });
    expect(byName.get('faster-whisper-large-v3-turbo')).toMatchObject({
      kind: 'hf-repo',
      repo: 'mobiuslabsgmbh/faster-whisper-large-v3-turbo',
      state: 'missing',
      present: false,
    });
    expect(byName.get('pyannote-speaker-diarization-3.1')).toMatchObject({ kind: 'hf-repo', gated: true, families: ['diarize-pyannote'] });
    expect(models.every((model: { present: boolean }) => !model.present)).toBe(true);
  });

  it('finds a cached Silero VAD, verifies it, and flags a damaged copy and repairs it from the mirror', async () => {
    const silero = await readFile(await seedSileroModel(modelsDir));
    const present = await bollyx(['pull', 'silero-vad']);
    expect(present.exitCode).toBe(0);
    expect(present.stdout).toMatch(/^silero-vad: already in the cache and verified \(2\.2 MB\)/);

    const listed = await bollyx(['list']);
    expect(listed.stdout).toMatch(/silero-vad\s+silero-vad-onnx\s+2\.2 MB\s+verified/);

    const verified = await bollyx(['verify']);
    expect(verified.exitCode).toBe(0);
    expect(verified.stdout).toMatch(/^silero-vad: ok \(sha256 /);

    await appendFile(path.join(modelsDir, 'silero-vad-v5.onnx'), 'damage');
    const damaged = await bollyx(['verify', 'silero-vad']);
    expect(damaged.exitCode).toBe(38);
    expect(damaged.stdout).toMatch(/^silero-vad: MISMATCH/);
    expect(damaged.stderr).toContain("fix: run `bollyx models pull silero-vad` (from code: `pullModel('silero-vad')`)");

    // An air-gapped site's mirror holds the file by its cache name, in place of the npm tarball.
    server = await startLoopbackFileServer({ '/mirror/silero-vad-v5.onnx': { body: silero } });
    const repaired = await bollyx(['pull', 'silero-vad'], { BOLLYX_MODEL_MIRROR: `${server.url}mirror` });
    expect(repaired.exitCode).toBe(0);
    expect(repaired.stdout).toMatch(/^silero-vad: downloaded from http:\/\/127\.0\.0\.1:\d+\/mirror\/silero-vad-v5\.onnx and verified \(sha256/);
    // Not a terminal: progress comes as plain lines on stderr.
    expect(repaired.stderr).toContain('silero-vad download: 100% (2.2 MB of 2.2 MB)');
    expect((await bollyx(['verify', 'silero-vad'])).exitCode).toBe(0);
  });

  it('downloads from BOLLYX_MODEL_MIRROR with JSON progress, and deletes a file that fails its checksum', async () => {
    // A stand-in of the right size but the wrong bytes: the download runs to the end, then fails the sha256.
    const impostor = Buffer.alloc(tiny.size);
    server = await startLoopbackFileServer({ [`/mirror/${tiny.file}`]: { body: impostor } });
    const result = await bollyx(['pull', 'tiny', '--json'], { BOLLYX_MODEL_MIRROR: `${server.url}mirror` });

    expect(result.exitCode).toBe(38);
    const lines = jsonLines(result.stdout);
    const progress = lines.filter((line) => line.event === 'progress');
    expect(progress.at(-1)).toMatchObject({ model: 'tiny', phase: 'download', done: tiny.size, total: tiny.size, source: `${server.url}mirror/${tiny.file}` });
    expect(lines.at(-1)).toMatchObject({
      ok: false,
      error: {
        code: 'MODEL_CHECKSUM_MISMATCH',
        details: { expected: tiny.sha256, actual: createHash('sha256').update(impostor).digest('hex'), deleted: true },
      },
    });
    expect(await readdir(modelsDir)).toEqual([]);
  });

  it('names the mirror URL on a 404', async () => {
    server = await startLoopbackFileServer({});
    const result = await bollyx(['pull', 'tiny', '--mirror', `${server.url}empty/`]);

    expect(result.exitCode).toBe(37);
    expect(result.stderr).toContain(`could not fetch model tiny from ${server.url}empty/${tiny.file}: the server answered HTTP 404`);
    expect(result.stderr).toContain('fix: put the file at');
  });

  it('never touches the network offline, naming the missing file and the command that fetches it', async () => {
    server = await startLoopbackFileServer({});
    const result = await bollyx(['pull', 'tiny'], { BOLLYX_OFFLINE: '1', BOLLYX_MODEL_MIRROR: server.url });

    expect(result.exitCode).toBe(36);
    expect(result.stderr).toContain(path.join(modelsDir, tiny.file));
    expect(result.stderr).toContain('`bollyx models pull tiny`');
    expect(server.requests).toEqual([]);
  });

  it('rejects an unknown model name, listing the known ones of both registries', async () => {
    const result = await bollyx(['pull', 'tinyy']);
    expect(result.exitCode).toBe(35);
    expect(result.stderr).toContain('known models: tiny, tiny.en');
    expect(result.stderr).toContain('faster-whisper-tiny');
  });
});

describe('bollyx models with Hugging Face models', () => {
  const COMMIT = randomBytes(20).toString('hex');
  const MODEL_BIN = randomBytes(512 * 1024);
  const fasterWhisperTiny: HubRepoFixture = {
    repo: 'Systran/faster-whisper-tiny',
    commit: COMMIT,
    files: {
      'README.md': Buffer.from('# tiny\n'),
      'config.json': Buffer.from('{"lang_ids": [50259]}\n'),
      'model.bin': MODEL_BIN,
      'tokenizer.json': Buffer.from('{"model": {}}\n'),
      'vocabulary.txt': Buffer.from('a\nb\n'),
    },
    lfs: ['model.bin'],
  };

  it('pulls a model from HF_ENDPOINT into the hub cache with JSON progress, then lists and verifies it', async () => {
    hub = await startLoopbackHub([fasterWhisperTiny]);
    const pulled = await bollyx(['pull', 'faster-whisper-tiny', '--json'], { HF_ENDPOINT: hub.endpoint });
    expect(pulled.exitCode).toBe(0);

    const lines = jsonLines(pulled.stdout);
    const snapshotDir = path.join(cacheDir, 'huggingface', 'hub', 'models--Systran--faster-whisper-tiny', 'snapshots', COMMIT);
    expect(lines.filter((line) => line.event === 'progress').at(-1)).toMatchObject({ model: 'faster-whisper-tiny', phase: 'download' });
    expect(lines.find((line) => line.event === 'pulled')).toMatchObject({
      kind: 'hf-repo',
      name: 'faster-whisper-tiny',
      repo: 'Systran/faster-whisper-tiny',
      commit: COMMIT,
      status: 'downloaded',
      snapshotDir,
    });
    expect(lines.at(-1)).toMatchObject({ ok: true });
    expect((await readdir(snapshotDir)).sort()).toEqual(['config.json', 'model.bin', 'tokenizer.json', 'vocabulary.txt']);

    const listed = JSON.parse((await bollyx(['list', '--json'])).stdout);
    expect(listed.models.find((model: { name: string }) => model.name === 'faster-whisper-tiny')).toMatchObject({ state: 'present', commit: COMMIT });

    const verified = await bollyx(['verify']);
    expect(verified.exitCode).toBe(0);
    expect(verified.stdout).toMatch(new RegExp(`^faster-whisper-tiny: ok \\(Systran/faster-whisper-tiny@${COMMIT.slice(0, 12)}, 4 files, 4 unchanged`));

    await appendFile(path.join(cacheDir, 'huggingface', 'hub', 'models--Systran--faster-whisper-tiny', 'blobs', sha256Hex(MODEL_BIN)), 'damage');
    const damaged = await bollyx(['verify', 'faster-whisper-tiny']);
    expect(damaged.exitCode).toBe(38);
    expect(damaged.stdout).toMatch(/^faster-whisper-tiny: MISMATCH in model\.bin \(sha256 expected/);
    expect(damaged.stderr).toContain('fix: run `bollyx models pull faster-whisper-tiny`');

    const repaired = await bollyx(['pull', 'faster-whisper-tiny', '--mirror', hub.endpoint]);
    expect(repaired.exitCode).toBe(0);
    expect(repaired.stdout).toContain(`faster-whisper-tiny: downloaded 512.0 KB from ${hub.endpoint} and verified`);
  });

  it('offline, names the pull command for a model that is not cached', async () => {
    const result = await bollyx(['pull', 'faster-whisper-tiny', '--offline']);
    expect(result.exitCode).toBe(36);
    expect(result.stderr).toContain('`bollyx models pull faster-whisper-tiny`');
  });

  it('asks for a token for a gated model, then pulls it with one without ever printing it', async () => {
    const token = `hf_${randomBytes(10).toString('hex')}`;
    hub = await startLoopbackHub([
      {
        repo: 'pyannote/segmentation-3.0',
        commit: COMMIT,
        files: { 'config.yaml': Buffer.from('task: x\n'), 'pytorch_model.bin': randomBytes(1000) },
        lfs: ['pytorch_model.bin'],
        token,
      },
    ]);
    const refused = await bollyx(['pull', 'pyannote-segmentation-3.0'], { HF_ENDPOINT: hub.endpoint });
    expect(refused.exitCode).toBe(55);
    expect(refused.stderr).toContain(`fix: sign in at ${hub.endpoint}/pyannote/segmentation-3.0 and accept the model's terms`);
    expect(refused.stderr).toContain('set BOLLYX_HF_TOKEN');

    const pulled = await bollyx(['pull', 'pyannote-segmentation-3.0', '--json'], { HF_ENDPOINT: hub.endpoint, BOLLYX_HF_TOKEN: token });
    expect(pulled.exitCode).toBe(0);
    await rm(path.join(cacheDir, 'huggingface'), { recursive: true });
    const wrong = await bollyx(['pull', 'pyannote-segmentation-3.0', '--json'], { HF_ENDPOINT: hub.endpoint, HF_TOKEN: `${token}0` });
    expect(wrong.exitCode).toBe(55);
    expect(`${pulled.stdout}${pulled.stderr}${wrong.stdout}${wrong.stderr}`).not.toContain(token);
  });
});
