import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPortableEngine, planWhisperEngine } from './plan-whisper-engine';

const CUDA_HOME = '/usr/local/cuda';
let emptyDir: string;
beforeAll(async () => {
  emptyDir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-plan-'));
});
afterAll(async () => {
  await rm(emptyDir, { recursive: true, force: true });
});

describe('planWhisperEngine', () => {
  it('builds the pinned whisper.cpp for this CPU when there is no GPU', async () => {
    const plan = await planWhisperEngine({ hardware: { hasNvidiaGpu: false, isAppleSilicon: false } });

    expect(plan.source.version).toBe('1.9.1');
    expect(plan.source.origin).toBe('nodejs-whisper@0.3.1');
    expect(existsSync(path.join(plan.source.dir, 'examples', 'cli', 'cli.cpp'))).toBe(true);
    expect(plan.backend).toBe('cpu');
    expect(plan.flags).toEqual(
      expect.arrayContaining(['-DCMAKE_BUILD_TYPE=Release', '-DBUILD_SHARED_LIBS=OFF', '-DWHISPER_BUILD_TESTS=OFF', '-DGGML_NATIVE=ON']),
    );
    expect(plan.flags.some((flag) => flag.includes('CUDA'))).toBe(false);
    expect(plan.buildKey).toMatch(new RegExp(`^${process.platform}-${process.arch}-cpu-[0-9a-f]{12}$`));
    expect((await planWhisperEngine({ hardware: { hasNvidiaGpu: false, isAppleSilicon: false } })).buildKey).toBe(plan.buildKey);
  });

  it('plans the portable CPU build of the same source for the prebuilt package: every CPU variant, libraries found beside the binary', async () => {
    const native = await planWhisperEngine({ hardware: { hasNvidiaGpu: false, isAppleSilicon: false } });
    const portable = await planPortableEngine();

    expect(portable.source).toEqual(native.source);
    expect(portable).toMatchObject({ backend: 'cpu', cpuModel: 'portable' });
    expect(portable.flags).toEqual(
      expect.arrayContaining(['-DGGML_NATIVE=OFF', '-DBUILD_SHARED_LIBS=ON', '-DGGML_BACKEND_DL=ON', '-DGGML_CPU_ALL_VARIANTS=ON', '-DGGML_OPENMP=OFF']),
    );
    expect(portable.flags).toContain(process.platform === 'darwin' ? '-DCMAKE_INSTALL_RPATH=@loader_path' : '-DCMAKE_INSTALL_RPATH=$ORIGIN');
    expect(portable.buildKey).toMatch(new RegExp(`^${process.platform}-${process.arch}-cpu-portable-[0-9a-f]{12}$`));
  });

  it('falls back to the CPU, saying why, when an NVIDIA GPU has no CUDA compiler', async () => {
    const plan = await planWhisperEngine({
      hardware: { hasNvidiaGpu: true, isAppleSilicon: false },
      env: { PATH: emptyDir, CUDA_HOME: emptyDir },
    });

    expect(plan.backend).toBe('cpu');
    expect(plan.reason).toMatch(/nvcc/);
    expect(plan.flags.some((flag) => flag.includes('CUDA'))).toBe(false);
  });

  it.runIf(existsSync(path.join(CUDA_HOME, 'bin', 'nvcc')))('builds with CUDA when the GPU has the CUDA toolkit', async () => {
    const cpu = await planWhisperEngine({ hardware: { hasNvidiaGpu: false, isAppleSilicon: false } });
    const cuda = await planWhisperEngine({ hardware: { hasNvidiaGpu: true, isAppleSilicon: false }, env: { PATH: emptyDir, CUDA_HOME } });

    expect(cuda.backend).toBe('cuda');
    expect(cuda.flags).toEqual(expect.arrayContaining(['-DGGML_CUDA=1', `-DCMAKE_CUDA_COMPILER=${CUDA_HOME}/bin/nvcc`]));
    expect(cuda.buildKey).not.toBe(cpu.buildKey);
  });

  it('reads the version of another source tree it is given', async () => {
    const pinned = await planWhisperEngine();
    const plan = await planWhisperEngine({ sourceDir: pinned.source.dir });

    expect(plan.source).toEqual({ dir: pinned.source.dir, version: '1.9.1', origin: pinned.source.dir });
    expect(plan.buildKey).not.toBe(pinned.buildKey);
  });
});
