import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestWhisperModel } from '../../../../tools/ggml-model';
import { makeSpeechClip } from '../../../../tools/test-media';
import { buildPortableEngine } from './build-portable-engine';
import type { EngineOptions } from './engine-options';
import type { EngineRecord } from './engine-record';
import { ensureWhisperEngine } from './ensure-whisper-engine';
import { findWhisperEngine, installedWhisperEngine } from './find-whisper-engine';
import { hashSourceTree } from './hash-source-tree';
import { listEngines } from './list-engines';
import { planPortableEngine } from './plan-whisper-engine';
import { PrebuiltManifestSchema } from './prebuilt-manifest';
import { layOutPrebuiltPackage } from './test-helpers/prebuilt-package';
import type { TestPrebuiltPackage } from './test-helpers/prebuilt-package';
import { testEngine } from './test-helpers/test-engine';
import { whisperCliArgs } from './whisper-cli-args';
import { readWhisperOutput } from './whisper-output';

const CPU = { hasNvidiaGpu: false, isAppleSilicon: false };
let dir: string;
let noTools: string;
let engine: EngineRecord;
let installed: TestPrebuiltPackage;

/** A CPU machine with no CMake, make or compiler on PATH and an empty engines folder. */
const machine = (prebuiltFrom: string, extra: EngineOptions = {}): EngineOptions => ({
  dir: path.join(dir, 'engines'),
  hardware: CPU,
  prebuiltFrom,
  env: { PATH: noTools },
  ...extra,
});

/** A package laid out like `installed` in its own folder, changed by `spoil` before it is looked up. */
async function spoiledPackage(name: string, spoil: (pkg: TestPrebuiltPackage) => Promise<void>): Promise<string> {
  const pkg = await layOutPrebuiltPackage(path.join(dir, name), engine);
  await spoil(pkg);
  return pkg.from;
}

async function rewriteManifest(pkg: TestPrebuiltPackage, change: Record<string, unknown>): Promise<void> {
  await writeFile(path.join(pkg.binDir, 'engine.json'), JSON.stringify({ ...pkg.manifest, ...change }));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-prebuilt-'));
  noTools = path.join(dir, 'no-tools');
  await mkdir(noTools);
  engine = await testEngine();
  installed = await layOutPrebuiltPackage(path.join(dir, 'installed'), engine);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the prebuilt platform package', () => {
  it('is found, listed and used on a CPU machine with no compiler, from the package folder or BOLLYX_PREBUILT_FROM', async () => {
    const record = await ensureWhisperEngine(machine(installed.from));

    expect(record).toMatchObject({
      origin: 'prebuilt',
      backend: 'cpu',
      version: '1.9.1',
      source: 'nodejs-whisper@0.3.1',
      cpuModel: 'portable',
      buildKey: (await planPortableEngine()).buildKey,
      binary: path.join(installed.binDir, 'whisper-cli'),
    });
    expect(await findWhisperEngine(machine(installed.from))).toEqual(record);
    expect(await installedWhisperEngine(machine(installed.from))).toEqual(record);
    expect(await listEngines(machine(installed.from))).toEqual([record]);
    const fromEnv = { dir: path.join(dir, 'engines'), hardware: CPU, env: { PATH: noTools, BOLLYX_PREBUILT_FROM: installed.from } };
    expect(await findWhisperEngine(fromEnv)).toEqual(record);

    const [model, speech] = await Promise.all([
      writeTestWhisperModel(path.join(dir, 'ggml-test-tiny.bin'), { seed: 7 }),
      makeSpeechClip(path.join(dir, 'speech.wav'), { parts: [{ say: 'A short test of the prebuilt engine.', voice: 'en' }] }),
    ]);
    const outputPrefix = path.join(dir, 'asr');
    const args = whisperCliArgs({ model: model.path, input: speech.path, outputPrefix, threads: 2, language: 'en', beamSize: 1, bestOf: 1, noFallback: true });
    await execa(record.binary, args);
    expect((await readWhisperOutput(`${outputPrefix}.json`)).transcription.length).toBeGreaterThan(0);
  });

  it('records the whisper.cpp version, the source hash and the portable flags in bin/engine.json, with whisper.cpp’s license', async () => {
    const plan = await planPortableEngine();
    const manifest = PrebuiltManifestSchema.parse(JSON.parse(await readFile(path.join(installed.binDir, 'engine.json'), 'utf8')));

    expect(manifest).toMatchObject({ version: '1.9.1', binary: 'whisper-cli', files: ['whisper-cli'], flags: plan.flags, platform: plan.platform });
    expect(manifest.sourceSha256).toBe(await hashSourceTree(plan.source.dir));
    expect(manifest.flags).toEqual(expect.arrayContaining(['-DGGML_NATIVE=OFF', '-DGGML_BACKEND_DL=ON', '-DGGML_CPU_ALL_VARIANTS=ON']));
    expect(await readFile(path.join(installed.binDir, 'LICENSE-whisper.cpp'), 'utf8')).toMatch(/^MIT License/);
  });

  it('is passed over where CUDA is planned: that build is made from source', async () => {
    const cudaHome = path.join(dir, 'cuda');
    await mkdir(path.join(cudaHome, 'bin'), { recursive: true });
    await writeFile(path.join(cudaHome, 'bin', 'nvcc'), '#!/bin/sh\n', { mode: 0o755 });
    const gpu = machine(installed.from, { hardware: { hasNvidiaGpu: true, isAppleSilicon: false }, env: { PATH: noTools, CUDA_HOME: cudaHome } });

    expect(await findWhisperEngine(gpu)).toBeNull();
    expect(await installedWhisperEngine(gpu)).toBeNull();
  });

  it('falls back to building when it holds another whisper.cpp version than the pinned source', async () => {
    const from = await spoiledPackage('older', (pkg) => rewriteManifest(pkg, { version: '1.9.0' }));

    expect(await findWhisperEngine(machine(from))).toBeNull();
    expect(await installedWhisperEngine(machine(from))).toBeNull();
    expect(await listEngines(machine(from))).toMatchObject([{ origin: 'prebuilt', version: '1.9.0' }]);
    // The build it falls back to is what needs the tools this PATH lacks.
    await expect(ensureWhisperEngine(machine(from))).rejects.toMatchObject({ code: 'ENGINE_TOOL_MISSING' });
  });

  it('falls back to building when its binary does not run', async () => {
    const from = await spoiledPackage('broken', async (pkg) => {
      await writeFile(path.join(pkg.binDir, 'whisper-cli'), '#!/bin/sh\nexit 1\n');
      await chmod(path.join(pkg.binDir, 'whisper-cli'), 0o755);
    });

    expect(await installedWhisperEngine(machine(from))).toMatchObject({ origin: 'prebuilt' });
    expect(await findWhisperEngine(machine(from))).toBeNull();
    await expect(ensureWhisperEngine(machine(from))).rejects.toMatchObject({ code: 'ENGINE_TOOL_MISSING' });
  });

  it('is not installed while a file its manifest lists is missing', async () => {
    const from = await spoiledPackage('incomplete', (pkg) => rewriteManifest(pkg, { files: [...pkg.manifest.files, 'libggml-cpu-x64.so'] }));

    expect(await installedWhisperEngine(machine(from))).toBeNull();
    expect(await listEngines(machine(from))).toEqual([]);
  });

  it('is not found through this package while its workspace link holds no binary', async () => {
    const own = { ...machine(installed.from), prebuiltFrom: undefined };

    expect(await findWhisperEngine(own)).toBeNull();
  });

  it('is built by the release with the engine build’s tools check', async () => {
    const build = buildPortableEngine({ dir: path.join(dir, 'release'), binDir: path.join(dir, 'release-bin'), env: { PATH: noTools } });

    await expect(build).rejects.toMatchObject({ code: 'ENGINE_TOOL_MISSING' });
    await expect(stat(path.join(dir, 'release-bin'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
