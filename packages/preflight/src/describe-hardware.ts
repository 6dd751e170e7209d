import type { HardwareProfile } from '@bollyx/hardware-detection';

/** One line about the machine: CPU, threads, memory and the accelerator bollyx will use. */
export function describeHardware(profile: HardwareProfile): string {
  const memory = `${Math.round(profile.memory.totalBytes / 1024 ** 3)} GiB RAM`;
  const accelerator =
    profile.nvidiaGpus.length > 0
      ? profile.nvidiaGpus.map((gpu) => gpu.name).join(', ')
      : profile.appleSilicon
        ? `${profile.appleSilicon.chip} (Metal)`
        : 'no GPU';
  return `${profile.cpu.model}, ${profile.cpu.threads} threads, ${memory}, ${accelerator}`;
}
