import type { EngineHardware } from '@bollyx/environment-manager';
import { detectHardware } from '@bollyx/hardware-detection';
import { engineHardwareOf } from '@bollyx/preflight';

/** What the engine build needs from the (cached) hardware profile: the GPU that picks its backend. */
export async function detectEngineHardware(): Promise<EngineHardware> {
  return engineHardwareOf(await detectHardware());
}
