import type { EngineHardware, EnvironmentVariant } from '@bollyx/environment-manager';
import type { HardwareProfile } from '@bollyx/hardware-detection';

/** What the whisper.cpp build plan needs to know of the hardware: CUDA with an NVIDIA GPU, Metal on Apple Silicon. */
export function engineHardwareOf(profile: HardwareProfile): EngineHardware {
  return { hasNvidiaGpu: profile.nvidiaGpus.length > 0, isAppleSilicon: profile.appleSilicon !== null };
}

/** The torch build a Python environment gets: CUDA only where an NVIDIA GPU is present. */
export function environmentVariantOf(profile: HardwareProfile): EnvironmentVariant {
  return profile.nvidiaGpus.length > 0 ? 'cuda' : 'cpu';
}
