import { checkSpecEnvironment } from './check-environment';
import type { EnvironmentOptions } from './environment-options';
import { loadEnvironmentSpecs } from './environment-specs';
import type { EnvironmentStatus } from './environment-status';

/** Every spec's environment and its state (the quick check: no Python started), sorted by name. */
export async function listEnvironments(options: EnvironmentOptions = {}): Promise<EnvironmentStatus[]> {
  const specs = await loadEnvironmentSpecs(options);
  return Promise.all(specs.map((spec) => checkSpecEnvironment(spec, { env: options.env })));
}
