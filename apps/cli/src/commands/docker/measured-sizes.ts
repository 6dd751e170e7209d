import { detectEngine, localImageSize, type BuildPlan, type DetectedEngine } from '@bollyx/docker-builder';
import { isBollyxError } from '@bollyx/errors';

/**
 * The real size of each planned image the engine already has, by name; none when no engine answers:
 * a plan is useful before docker is installed.
 */
export async function measuredSizes(plan: BuildPlan, signal: AbortSignal): Promise<Map<string, number>> {
  let engine: DetectedEngine;
  try {
    engine = await detectEngine({ signal });
  } catch (error) {
    if (isBollyxError(error) && error.code === 'CONTAINER_ENGINE_MISSING') return new Map();
    throw error;
  }
  const sizes = new Map<string, number>();
  for (const image of plan.images) {
    const size = await localImageSize(engine, image.ref, { signal });
    if (size !== undefined) sizes.set(image.name, size);
  }
  return sizes;
}
