import { describe, expect, it } from 'vitest';
import { fixtureProfile } from '../../../tools/test-hardware-profile';
import { planWorkers } from './worker-plan';

const machine = (gpus: number, appleSilicon = false) => fixtureProfile({ cores: 8, gpus, ...(appleSilicon ? { apple: 'Apple M2' } : {}) });

const onGpu = (index: number) => ({
  device: 'cuda',
  gpu: index,
  gpuName: 'NVIDIA H100 80GB HBM3',
  queues: ['films', 'gpu', 'cpu'],
  env: { CUDA_VISIBLE_DEVICES: String(index), CUDA_DEVICE_ORDER: 'PCI_BUS_ID' },
});

describe('planWorkers', () => {
  it('runs one CPU worker on films and cpu without a GPU', () => {
    expect(planWorkers(machine(0))).toEqual([{ device: 'cpu', queues: ['films', 'cpu'], env: {} }]);
  });

  it('runs one worker per NVIDIA GPU, each bound to its GPU and taking the gpu queue', () => {
    expect(planWorkers(machine(1))).toEqual([onGpu(0)]);
    expect(planWorkers(machine(2))).toEqual([onGpu(0), onGpu(1)]);
  });

  it('runs one Metal worker on Apple Silicon, taking the gpu queue', () => {
    expect(planWorkers(machine(0, true))).toEqual([{ device: 'metal', queues: ['films', 'gpu', 'cpu'], env: {} }]);
  });

  it('takes the queues and the GPU given, and only the GPUs CUDA_VISIBLE_DEVICES leaves', () => {
    expect(planWorkers(machine(2), { queues: ['gpu'] }).map((worker) => worker.queues)).toEqual([['gpu'], ['gpu']]);
    expect(planWorkers(machine(2), { gpu: 1 })).toEqual([onGpu(1)]);
    expect(planWorkers(machine(4), { visibleDevices: '1,3' }).map((worker) => worker.gpu)).toEqual([1, 3]);
    expect(planWorkers(machine(2), { visibleDevices: '' })).toEqual([{ device: 'cpu', queues: ['films', 'cpu'], env: {} }]);
  });
});
