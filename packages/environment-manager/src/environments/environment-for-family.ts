import { currentPlatform, supportsPlatform } from './current-platform';
import { EnvironmentUnknownError, EnvironmentUnsupportedError } from './environment-errors';
import type { EnvironmentOptions } from './environment-options';
import type { EnvironmentSpec, StageFamily } from './environment-spec';
import { loadEnvironmentSpecs } from './environment-specs';

/**
 * The spec whose environment serves `family` on `platform` (default this machine): the first by name
 * among those that serve it there. Throws EnvironmentUnknownError when no spec serves the family, and
 * EnvironmentUnsupportedError when only specs for other platforms do (asr-mlx off Apple Silicon).
 */
export async function environmentForFamily(family: StageFamily, options: EnvironmentOptions & { platform?: string } = {}): Promise<EnvironmentSpec> {
  const platform = options.platform ?? currentPlatform();
  const specs = await loadEnvironmentSpecs(options);
  const serving = specs.filter((spec) => spec.serves.includes(family));
  const first = serving[0];
  if (first === undefined) throw new EnvironmentUnknownError(family, [...new Set(specs.flatMap((spec) => spec.serves))], 'family');
  const usable = serving.find((spec) => supportsPlatform(spec, platform));
  if (usable === undefined) throw new EnvironmentUnsupportedError(first.name, platform, first.platforms ?? []);
  return usable;
}
