import os from 'node:os';

/** The GPU a worker is given: by option, else CUDA_VISIBLE_DEVICES's first device; undefined for none. */
export function workerGpu(gpu: number | undefined, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const visible = env.CUDA_VISIBLE_DEVICES?.split(',')[0]?.trim();
  return gpu ?? (visible !== undefined && /^\d+$/.test(visible) ? Number(visible) : undefined);
}

/** host/pid, and /gpuN when the worker is given a GPU. */
export function workerName(gpu: number | undefined): string {
  return `${os.hostname()}/${process.pid}${gpu === undefined ? '' : `/gpu${gpu}`}`;
}
