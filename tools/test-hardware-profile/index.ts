import { HardwareProfileSchema, type HardwareProfile, type NvidiaGpu } from '../../packages/hardware-detection/src/schema';

const GIB = 1024 ** 3;

/** An NVIDIA GPU as nvidia-smi reports it. */
export function fixtureGpu(name = 'NVIDIA H100 80GB HBM3', vramGiB = 80, computeCapability: string | null = '9.0', index = 0): NvidiaGpu {
  return { index, name, vramBytes: vramGiB * GIB, driverVersion: '550.54.15', cudaVersion: '12.4', computeCapability, source: 'nvidia-smi' };
}

/** A machine's hardware profile for tests: `gpus` as a list, or a count of H100s; `apple` the chip's name. */
export function fixtureProfile(shape: { cores: number; memoryGiB?: number; gpus?: NvidiaGpu[] | number; apple?: string }): HardwareProfile {
  const memoryGiB = shape.memoryGiB ?? 64;
  const gpus = typeof shape.gpus === 'number' ? Array.from({ length: shape.gpus }, (_, index) => fixtureGpu(undefined, undefined, undefined, index)) : (shape.gpus ?? []);
  return HardwareProfileSchema.parse({
    os: { platform: shape.apple ? 'darwin' : 'linux', release: '1', arch: shape.apple ? 'arm64' : 'x64' },
    hostname: 'fixture',
    cpu: { model: shape.apple ?? 'Fixture CPU', physicalCores: shape.cores, threads: shape.cores * 2 },
    memory: { totalBytes: memoryGiB * GIB, availableBytes: (memoryGiB * GIB) / 2 },
    disk: { path: '/work', freeBytes: 100 * GIB },
    nvidiaGpus: gpus,
    appleSilicon: shape.apple ? { chip: shape.apple, metal: true } : null,
    fingerprint: 'fixture',
    detectedAt: '2026-01-01T00:00:00.000Z',
    detectionMs: 1,
  });
}
