import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { EngineHardware, EngineOptions } from './engine-options';
import type { EngineBackend } from './engine-record';
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

// A self-contained whisper-cli (static libraries, Release), tuned for this CPU; tests, the server and
// other examples are not configured since only the whisper-cli target is built.
const BASE_FLAGS = [
  '-DCMAKE_BUILD_TYPE=Release',
  '-DBUILD_SHARED_LIBS=OFF',
  '-DWHISPER_BUILD_TESTS=OFF',
  '-DWHISPER_BUILD_EXAMPLES=ON',
  '-DWHISPER_BUILD_SERVER=OFF',
  '-DGGML_NATIVE=ON',
];

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
      flags: process.platform === 'darwin' ? ['-DGGML_METAL=OFF'] : [],
    };
  }
  if (hardware.isAppleSilicon && process.platform === 'darwin') {
    // The Metal shaders are embedded so the binary needs no file beside it.
    return { backend: 'metal', reason: 'Apple Silicon: Metal', flags: ['-DGGML_METAL=ON', '-DGGML_METAL_EMBED_LIBRARY=ON'] };
  }
  return {
    backend: 'cpu',
    reason: 'no supported GPU: CPU with this processor’s native instructions',
    flags: process.platform === 'darwin' ? ['-DGGML_METAL=OFF'] : [],
  };
}

/** The whisper.cpp build this machine wants: source, backend, CMake flags and the key naming its folder. */
export async function planWhisperEngine(options: EngineOptions = {}): Promise<WhisperEnginePlan> {
  const env = options.env ?? process.env;
  const source = await whisperSource(options.sourceDir);
  const { backend, reason, flags: backendFlags } = await chooseBackend(options.hardware ?? defaultHardware(), env);
  const flags = [...BASE_FLAGS, ...backendFlags];
  const platform = `${process.platform}-${process.arch}`;
  // -march=native ties the binary to this CPU model: a cache shared with another CPU builds its own.
  const cpuModel = os.cpus()[0]?.model.trim() ?? 'unknown';
  const digest = createHash('sha256')
    .update(JSON.stringify({ version: source.version, origin: source.origin, flags, platform, cpuModel }))
    .digest('hex')
    .slice(0, 12);
  return { source, backend, reason, flags, buildKey: `${platform}-${backend}-${digest}`, platform, cpuModel };
}
