import { detectHardware, recommend } from '@bollyx/hardware-detection';
import type { HardwareProfile, Recommendation } from '@bollyx/hardware-detection';

/**
 * The hardware profile (cached) and what to run on it, for the commands that prepare or run a job.
 * Detection does not fail: a probe that cannot answer reports nothing found.
 */
export async function detectMachine(
  workspace: string,
  signal?: AbortSignal,
): Promise<{ profile: HardwareProfile; recommendation: Recommendation }> {
  const profile = await detectHardware({ workspace, signal });
  return { profile, recommendation: recommend(profile) };
}
