import type { ComputeType, WhisperModelSize } from './schema';

/**
 * The tables `recommend` reads, first matching row wins. Sizes are what faster-whisper / whisper.cpp
 * need with headroom for the other stages: large-v3 runs in ~4.5 GB VRAM at float16 and ~3 GB at
 * int8_float16 (CTranslate2 benchmarks), medium in ~2 GB at int8_float16.
 */
export interface ModelTier {
  model: WhisperModelSize;
  computeType: ComputeType;
  batchSize: number;
  why: string;
}

export const NVIDIA_TIERS: ReadonlyArray<ModelTier & { minVramGiB: number }> = [
  { minVramGiB: 16, model: 'large-v3', computeType: 'float16', batchSize: 16, why: 'plenty of VRAM for large-v3 at float16 with a large batch' },
  { minVramGiB: 10, model: 'large-v3', computeType: 'float16', batchSize: 8, why: 'room for large-v3 at float16' },
  { minVramGiB: 5, model: 'large-v3', computeType: 'int8_float16', batchSize: 4, why: 'large-v3 fits at int8_float16 (~3 GB)' },
  { minVramGiB: 3, model: 'medium', computeType: 'int8_float16', batchSize: 2, why: 'only medium fits at int8_float16' },
];

/** Below this much VRAM the GPU is not worth using for ASR. */
export const MIN_ASR_VRAM_GIB = 3;
/** IndicTrans2 1B / NLLB 600M at float16 need about this much. */
export const MIN_TRANSLATION_VRAM_GIB = 4;
/** float16 tensor cores arrive with Volta (7.0); older GPUs run int8 faster. */
export const MIN_FLOAT16_COMPUTE_CAPABILITY = 7;

/** Apple Silicon shares memory between CPU and GPU: the tier follows unified memory. */
export const APPLE_TIERS: ReadonlyArray<ModelTier & { minMemoryGiB: number }> = [
  { minMemoryGiB: 16, model: 'large-v3-turbo', computeType: 'float16', batchSize: 8, why: 'large-v3-turbo runs fast on Metal with 16 GB unified memory' },
  { minMemoryGiB: 8, model: 'small', computeType: 'float16', batchSize: 4, why: 'small leaves room in 8 GB unified memory' },
  { minMemoryGiB: 0, model: 'base', computeType: 'float16', batchSize: 1, why: 'little unified memory' },
];

/** CPU-only machines: whisper.cpp speed follows physical cores; memory only rules out the big models. */
export const CPU_TIERS: ReadonlyArray<ModelTier & { minCores: number; minMemoryGiB: number }> = [
  { minCores: 8, minMemoryGiB: 16, model: 'small', computeType: 'int8', batchSize: 1, why: '8+ cores run small at a useful speed' },
  { minCores: 1, minMemoryGiB: 2, model: 'base', computeType: 'int8', batchSize: 1, why: 'base is the best quality that runs near real time on few cores' },
  { minCores: 1, minMemoryGiB: 0, model: 'tiny', computeType: 'int8', batchSize: 1, why: 'under 2 GB of memory only tiny fits' },
];

/** whisper.cpp stops gaining past about eight threads. */
export const MAX_USEFUL_THREADS = 8;
