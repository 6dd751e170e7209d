import os from 'node:os';

/** The GPU a worker is given: by option, else CUDA_VISIBLE_DEVICES's first device; undefined for none. */
export function workerGpu(gpu: number | undefined, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const visible = env.CUDA_VISIBLE_DEVICES?.split(',')[0]?.trim();
  return gpu ?? (visible !== undefined && /^\d+$/.test(visible) ? Number(visible) : undefined);
}

/** host/pid, or host/gpuN/pid for a worker given a GPU; `pid` is another process's for a worker it starts. */
export function workerName(gpu: number | undefined, pid = process.pid): string {
  return `${os.hostname()}/${gpu === undefined ? '' : `gpu${gpu}/`}${pid}`;
}
