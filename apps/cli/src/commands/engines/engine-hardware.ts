import type { EngineHardware } from '@bollyx/environment-manager';
import { detectHardware } from '@bollyx/hardware-detection';

/** What the engine build needs from the (cached) hardware profile: the GPU that picks its backend. */
export async function detectEngineHardware(): Promise<EngineHardware> {
  const profile = await detectHardware();
  return { hasNvidiaGpu: profile.nvidiaGpus.length > 0, isAppleSilicon: profile.appleSilicon !== null };
}
