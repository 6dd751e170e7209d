import os from 'node:os';

/** host/pid, and /gpuN when the worker is given a GPU (by option, else CUDA_VISIBLE_DEVICES's first device). */
export function workerName(gpu: number | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const visible = env.CUDA_VISIBLE_DEVICES?.split(',')[0]?.trim();
  const index = gpu ?? (visible !== undefined && /^\d+$/.test(visible) ? Number(visible) : undefined);
  return `${os.hostname()}/${process.pid}${index === undefined ? '' : `/gpu${index}`}`;
}
