import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { modelRegistry } from '@bollyx/environment-manager';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startLoopbackFileServer,
  type LoopbackFileServer,
} from '../../../../../tools/test-http/loopback-file-server';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
const tiny = modelRegistry.find((entry) => entry.name === 'tiny');
if (tiny === undefined) throw new Error('tiny is missing from the registry');

let modelsDir: string;
let server: LoopbackFileServer | undefined;

beforeEach(async () => {
  modelsDir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-models-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(modelsDir, { recursive: true, force: true });
});

const bollyx = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [cli, 'models', ...args], { env: { BOLLYX_MODELS_DIR: modelsDir, ...env }, extendEnv: false, reject: false });

const jsonLines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('bollyx models', () => {
  it('lists the registry with what the cache holds', async () => {
    const result = await bollyx(['list', '--json']);
    expect(result.exitCode).toBe(0);
    const { ok, dir, models } = JSON.parse(result.stdout);
    expect({ ok, dir }).toEqual({ ok: true, dir: modelsDir });
    expect(models.map((model: { name: string }) => model.name)).toContain('large-v3-turbo');
    expect(models.every((model: { present: boolean }) => !model.present)).toBe(true);
  });

  it('pulls the bundled Silero VAD, verifies it, and flags and repairs a damaged copy', async () => {
    const pulled = await bollyx(['pull', 'silero-vad']);
    expect(pulled.exitCode).toBe(0);
    expect(pulled.stdout).toMatch(/^silero-vad: copied from .*silero_vad\.onnx and verified \(sha256/);
    // Not a terminal: progress comes as plain lines on stderr.
    expect(pulled.stderr).toContain('silero-vad copy: 100% (2.2 MB of 2.2 MB)');

    const listed = await bollyx(['list']);
    expect(listed.stdout).toMatch(/silero-vad\s+silero-vad-onnx\s+2\.2 MB\s+verified/);

    const verified = await bollyx(['verify']);
    expect(verified.exitCode).toBe(0);
    expect(verified.stdout).toMatch(/^silero-vad: ok \(sha256 /);

    await appendFile(path.join(modelsDir, 'silero-vad-v5.onnx'), 'damage');
    const damaged = await bollyx(['verify', 'silero-vad']);
    expect(damaged.exitCode).toBe(38);
    expect(damaged.stdout).toMatch(/^silero-vad: MISMATCH/);
    expect(damaged.stderr).toContain('fix: run `bollyx models pull silero-vad`');

    const repaired = await bollyx(['pull', 'silero-vad']);
    expect(repaired.exitCode).toBe(0);
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

  it('rejects an unknown model name, listing the known ones', async () => {
    const result = await bollyx(['pull', 'tinyy']);
    expect(result.exitCode).toBe(35);
    expect(result.stderr).toContain('known models: tiny, tiny.en');
  });
});
