import type { HardwareProfile } from '@bollyx/hardware-detection';
import { DEFAULT_QUEUE } from './film-job';
import { SEGMENT_QUEUES } from './film-segments';

export interface WorkerPlanOptions {
  /** The queues every worker takes (default: `films`, `gpu`, `cpu` on a GPU, else `films`, `cpu`). */
  queues?: readonly string[];
  /** One worker on this GPU index, whatever the machine has. */
  gpu?: number;
  /**
   * CUDA_VISIBLE_DEVICES as this process got it: when set, only the GPUs it lists by index get a worker
   * (empty: none), as a container or a scheduler restricted them.
   */
  visibleDevices?: string;
}

export interface PlannedWorker {
  /** What the worker's films run on. */
  device: 'cuda' | 'metal' | 'cpu';
  /** The NVIDIA GPU index it is bound to, and its name as the driver reports it. */
  gpu?: number;
  gpuName?: string;
  queues: string[];
  /** What its process's environment must hold: CUDA_VISIBLE_DEVICES for one bound to a GPU. */
  env: Record<string, string>;
}

/** The queues a worker takes unless told otherwise: whole films and CPU segments, and GPU segments first on a GPU. */
export function defaultWorkerQueues(onGpu: boolean): string[] {
  return onGpu ? [DEFAULT_QUEUE, SEGMENT_QUEUES.gpu, SEGMENT_QUEUES.cpu] : [DEFAULT_QUEUE, SEGMENT_QUEUES.cpu];
}

/** Binds a process to the GPU nvidia-smi numbers `index`: CUDA numbers the fastest first unless told to use the bus order. */
const cudaEnv = (index: number) => ({ CUDA_VISIBLE_DEVICES: String(index), CUDA_DEVICE_ORDER: 'PCI_BUS_ID' });

/**
 * The worker processes this machine should run: one per NVIDIA GPU, each bound to its GPU; one with
 * Metal on Apple Silicon; else one on the CPU. GPU workers take the `gpu` queue too, so a film's GPU
 * segments go to them. Pure: the profile is `detectHardware`'s.
 */
export function planWorkers(profile: HardwareProfile, options: WorkerPlanOptions = {}): PlannedWorker[] {
  const queuesOr = (fallback: string[]) => [...(options.queues ?? fallback)];
  if (options.gpu !== undefined) {
    const gpuName = profile.nvidiaGpus.find((gpu) => gpu.index === options.gpu)?.name;
    return [{ device: 'cuda', gpu: options.gpu, ...(gpuName === undefined ? {} : { gpuName }), queues: queuesOr(defaultWorkerQueues(true)), env: cudaEnv(options.gpu) }];
  }
  const visible = options.visibleDevices?.split(',').map((entry) => entry.trim());
  const gpus = profile.nvidiaGpus.filter((gpu) => visible === undefined || visible.includes(String(gpu.index)));
  if (gpus.length > 0) {
    return gpus.map((gpu) => ({ device: 'cuda', gpu: gpu.index, gpuName: gpu.name, queues: queuesOr(defaultWorkerQueues(true)), env: cudaEnv(gpu.index) }));
  }
  if (profile.appleSilicon !== null) return [{ device: 'metal', queues: queuesOr(defaultWorkerQueues(true)), env: {} }];
  return [{ device: 'cpu', queues: queuesOr(defaultWorkerQueues(false)), env: {} }];
}
