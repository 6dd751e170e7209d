import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { enginesDir, ensureWhisperEngine } from '@bollyx/environment-manager';
import type { BootstrapReport } from '@bollyx/preflight';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathWithout } from '../../../../../packages/preflight/src/test-helpers/test-machine';
import { writeTestWhisperModel } from '../../../../../tools/ggml-model';
import { seedSileroModel } from '../../../../../tools/silero-model';
import { startLoopbackFileServer, type LoopbackFileServer } from '../../../../../tools/test-http/loopback-file-server';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
let root: string;
let workspace: string;
let env: NodeJS.ProcessEnv;
let mirror: LoopbackFileServer;

const bollyx = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
  execa(process.execPath, [cli, ...args], { env: { ...env, ...extraEnv }, extendEnv: false, reject: false, cwd: root });
const report = (stdout: string) => JSON.parse(stdout) as BootstrapReport & { error?: { code: string; hint: string } };

beforeAll(async () => {
  // The engine takes minutes to build: built once per machine in the default engines folder, shared here.
  await ensureWhisperEngine();
  root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-bootstrap-'));
  workspace = path.join(root, 'work');
  // The model mirror of an air-gapped site: bootstrap fetches Silero VAD from it, never from the npm registry.
  const silero = await readFile(await seedSileroModel(path.join(root, 'mirror')));
  mirror = await startLoopbackFileServer({ '/silero-vad-v5.onnx': { body: silero } });
  const { BOLLYX_HF_TOKEN: _bollyxToken, HF_TOKEN: _hfToken, ...inherited } = process.env;
  env = {
    ...inherited,
    BOLLYX_WORKSPACE: workspace,
    BOLLYX_CACHE_DIR: path.join(root, 'cache'),
    BOLLYX_CONFIG_DIR: path.join(root, 'config'),
    BOLLYX_ENGINES_DIR: enginesDir(),
    BOLLYX_MODEL_MIRROR: mirror.url,
  };
  // A ggml model given by path (used as it is): the default `base` would be a 142 MB download.
  const model = path.join(root, 'ggml-test.bin');
  await writeTestWhisperModel(model, { seed: 7 });
  await mkdir(workspace, { recursive: true });
  await writeFile(path.join(workspace, 'bollyx.config.yaml'), `asr:\n  model: ${model}\n`);
});

afterAll(async () => {
  await mirror?.close();
  await rm(root, { recursive: true, force: true });
});

describe('bollyx bootstrap', () => {
  it('sets a fresh machine up, then reports every item up to date', async () => {
    const first = await bollyx(['bootstrap', '--json']);
    expect(first.exitCode).toBe(0);
    const done = report(first.stdout);
    expect(done.ok).toBe(true);
    expect(done.items.filter((item) => item.status === 'done').map((item) => item.id)).toEqual(['hardware', 'model:silero-vad']);
    expect(done.items.find((item) => item.id === 'engine')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('up to date: whisper.cpp') });

    const second = await bollyx(['bootstrap']);
    expect(second.exitCode).toBe(0);
    const lines = second.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('bollyx: everything is up to date');
    const items = lines.slice(0, -1);
    expect(items.map((line) => line.split(/\s+/)[2])).toEqual(['hardware', 'config', 'tool:ffmpeg', 'tool:ffprobe', 'engine', 'workspace', expect.stringMatching(/^model:/), 'model:silero-vad']);
    for (const line of items) expect(line).toMatch(/^↷ .* up to date: /);
  });

  it('without ffmpeg on PATH fails with the line that installs it and a non-zero exit', async () => {
    const PATH = await pathWithout(root, ['ffmpeg', 'ffprobe']);
    const human = await bollyx(['bootstrap'], { PATH });
    expect(human.exitCode).toBe(71);
    expect(human.stdout).toMatch(/✗ tools +tool:ffmpeg +ffmpeg is not on PATH\n {4}fix: (sudo apt-get install -y ffmpeg|sudo dnf install -y ffmpeg|brew install ffmpeg|winget install --id Gyan\.FFmpeg -e|install ffmpeg with your system's package manager)\n/);
    expect(human.stderr).toContain('bollyx: bootstrap could not finish 2 items: tool:ffmpeg (ffmpeg is not on PATH); tool:ffprobe (ffprobe is not on PATH)');

    const json = await bollyx(['bootstrap', '--json'], { PATH });
    expect(json.exitCode).toBe(71);
    expect(report(json.stdout)).toMatchObject({ ok: false, error: { code: 'BOOTSTRAP_FAILED' } });
  });

  it('refuses --cache-models with --skip-cache', async () => {
    const result = await bollyx(['bootstrap', '--cache-models', '--skip-cache']);
    expect(result.exitCode).toBe(72);
    expect(result.stderr).toContain('fix: pass one of --cache-models and --skip-cache, not both');
  });
});
