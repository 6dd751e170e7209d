import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { EngineHardware, EngineOptions } from './engine-options';
import type { EngineBackend, EngineRecord } from './engine-record';
import { findExecutable } from '../find-executable';
import { whisperSource } from './whisper-source';
import type { WhisperSource } from './whisper-source';

/** What a whisper.cpp build for this machine looks like, before anything is built. */
export interface WhisperEnginePlan {
  source: WhisperSource;
  backend: EngineBackend;
  /** Why this backend, in words for `bollyx engines build`. */
  reason: string;
  /** CMake cache flags for the configure step (`cmake -S <wrapper project> -B <build>`). */
  flags: string[];
  /** Names the engine's folder; changes whenever the binary would. */
  buildKey: string;
  platform: string;
  cpuModel: string;
}

// Only the whisper-cli target is built: tests, the server and the other examples are not configured.
const WHISPER_CLI_ONLY = ['-DWHISPER_BUILD_TESTS=OFF', '-DWHISPER_BUILD_EXAMPLES=ON', '-DWHISPER_BUILD_SERVER=OFF'];

// A self-contained whisper-cli (static libraries, Release), tuned for this CPU.
const NATIVE_FLAGS = ['-DCMAKE_BUILD_TYPE=Release', '-DBUILD_SHARED_LIBS=OFF', ...WHISPER_CLI_ONLY, '-DGGML_NATIVE=ON'];

// A whisper-cli for any CPU of its architecture: ggml builds its CPU backend once per instruction-set level
// as a shared library beside the binary and loads the best one this CPU runs (x86 builds without these
// variants assume AVX2). OpenMP is off, since its runtime (libgomp) is missing where no compiler is
// installed; unversioned library names, since npm packs no symlinks; the libraries are found beside the
// binary through its rpath.
const PORTABLE_FLAGS = [
  '-DCMAKE_BUILD_TYPE=Release',
  '-DBUILD_SHARED_LIBS=ON',
  ...WHISPER_CLI_ONLY,
  '-DGGML_NATIVE=OFF',
  '-DGGML_BACKEND_DL=ON',
  '-DGGML_CPU_ALL_VARIANTS=ON',
  '-DGGML_OPENMP=OFF',
  '-DCMAKE_PLATFORM_NO_VERSIONED_SONAME=ON',
  '-DCMAKE_BUILD_WITH_INSTALL_RPATH=ON',
  `-DCMAKE_INSTALL_RPATH=${process.platform === 'darwin' ? '@loader_path' : '$ORIGIN'}`,
];

// ggml turns Metal on by default on macOS: a CPU build turns it off.
const CPU_BACKEND_FLAGS = process.platform === 'darwin' ? ['-DGGML_METAL=OFF'] : [];

function defaultHardware(): EngineHardware {
  return { hasNvidiaGpu: false, isAppleSilicon: process.platform === 'darwin' && process.arch === 'arm64' };
}

/** nvcc on PATH, else in the CUDA toolkit folder (CUDA_HOME, CUDA_PATH, /usr/local/cuda), often left off PATH. */
async function findNvcc(env: Readonly<Record<string, string | undefined>>): Promise<string | null> {
  const toolkit = env.CUDA_HOME || env.CUDA_PATH || '/usr/local/cuda';
  return (await findExecutable('nvcc', env)) ?? findExecutable(path.join(toolkit, 'bin', 'nvcc'), {});
}

async function chooseBackend(
  hardware: EngineHardware,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ backend: EngineBackend; reason: string; flags: string[] }> {
  if (hardware.hasNvidiaGpu) {
    const nvcc = await findNvcc(env);
    if (nvcc) {
      return { backend: 'cuda', reason: `NVIDIA GPU and CUDA compiler ${nvcc}`, flags: ['-DGGML_CUDA=1', `-DCMAKE_CUDA_COMPILER=${nvcc}`] };
    }
    return {
      backend: 'cpu',
      reason: 'NVIDIA GPU found but no CUDA compiler (nvcc): building for the CPU; install the CUDA toolkit and run `bollyx engines build --force` for GPU speed',
      flags: CPU_BACKEND_FLAGS,
    };
  }
  if (hardware.isAppleSilicon && process.platform === 'darwin') {
    // The Metal shaders are embedded so the binary needs no file beside it.
    return { backend: 'metal', reason: 'Apple Silicon: Metal', flags: ['-DGGML_METAL=ON', '-DGGML_METAL_EMBED_LIBRARY=ON'] };
  }
  return {
    backend: 'cpu',
    reason: 'no supported GPU: CPU with this processor’s native instructions',
    flags: CPU_BACKEND_FLAGS,
  };
}

/** The plan of a build of `source` with `flags`, its key hashing all that shapes the binary. */
function planBuild(
  source: WhisperSource,
  choice: { backend: EngineBackend; reason: string; flags: string[] },
  cpuModel: string,
  keySuffix = '',
): WhisperEnginePlan {
  const { backend, reason, flags } = choice;
  const platform = `${process.platform}-${process.arch}`;
  const digest = createHash('sha256')
    .update(JSON.stringify({ version: source.version, origin: source.origin, flags, platform, cpuModel }))
    .digest('hex')
    .slice(0, 12);
  return { source, backend, reason, flags, buildKey: `${platform}-${backend}${keySuffix}-${digest}`, platform, cpuModel };
}

/** What an engine's record says of the plan it was built by. */
export function plannedRecord(plan: WhisperEnginePlan): Pick<EngineRecord, 'name' | 'version' | 'flags' | 'backend' | 'buildKey' | 'platform' | 'cpuModel' | 'source'> {
  const { flags, backend, buildKey, platform, cpuModel } = plan;
  return { name: 'whisper.cpp', version: plan.source.version, flags, backend, buildKey, platform, cpuModel, source: plan.source.origin };
}

/** The whisper.cpp build this machine wants: source, backend, CMake flags and the key naming its folder. */
export async function planWhisperEngine(options: EngineOptions = {}): Promise<WhisperEnginePlan> {
  const env = options.env ?? process.env;
  const source = await whisperSource(options.sourceDir);
  const { backend, reason, flags: backendFlags } = await chooseBackend(options.hardware ?? defaultHardware(), env);
  // -march=native ties the binary to this CPU model: a cache shared with another CPU builds its own.
  const cpuModel = os.cpus()[0]?.model.trim() ?? 'unknown';
  return planBuild(source, { backend, reason, flags: [...NATIVE_FLAGS, ...backendFlags] }, cpuModel);
}

/**
 * The CPU build of whisper-cli that runs on any CPU of this platform, for the prebuilt platform package
 * (`buildPortableEngine`): shared libraries beside the binary, no GPU backend.
 */
export async function planPortableEngine(options: Pick<EngineOptions, 'sourceDir'> = {}): Promise<WhisperEnginePlan> {
  const source = await whisperSource(options.sourceDir);
  const flags = [...PORTABLE_FLAGS, ...CPU_BACKEND_FLAGS];
  const reason = 'portable: ggml picks the CPU kernels for the processor it runs on';
  return planBuild(source, { backend: 'cpu', reason, flags }, 'portable', '-portable');
}
