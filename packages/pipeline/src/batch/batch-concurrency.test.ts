import { recommend, type HardwareProfile } from '@bollyx/hardware-detection';
import { describe, expect, it } from 'vitest';
import { batchConcurrency } from './batch-concurrency';

describe('batchConcurrency', () => {
  const machine = (cores: number, gpus: number): HardwareProfile => ({
    os: { platform: 'linux', release: '1', arch: 'x64' },
    hostname: 'fixture',
    cpu: { model: 'Fixture CPU', physicalCores: cores, threads: cores * 2 },
    memory: { totalBytes: 64 * 1024 ** 3, availableBytes: 32 * 1024 ** 3 },
    disk: { path: '/work', freeBytes: null },
    nvidiaGpus: Array.from({ length: gpus }, (_, index) => ({
      index,
      name: 'NVIDIA H100 80GB HBM3',
      vramBytes: 80 * 1024 ** 3,
      driverVersion: '550.54.15',
      cudaVersion: '12.4',
      computeCapability: '9.0',
      source: 'nvidia-smi' as const,
    })),
    appleSilicon: null,
    fingerprint: 'fixture',
    detectedAt: '2026-01-01T00:00:00.000Z',
    detectionMs: 1,
  });
  const concurrency = (profile: HardwareProfile) => batchConcurrency(profile, recommend(profile)).value;

  it('runs one film per GPU, and on CPUs as many as the cores hold at the recommended threads per film', () => {
    expect(concurrency(machine(32, 2))).toBe(2);
    expect(concurrency(machine(32, 0))).toBe(4);
    expect(concurrency(machine(2, 0))).toBe(1);
    expect(concurrency(machine(1, 0))).toBe(1);
  });
});
