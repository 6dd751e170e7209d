import { ModelConfigInvalidError, ModelUnknownError } from './model-errors';
import type { ModelCacheOptions } from './model-cache-options';
import { modelRegistry } from './model-registry';
import { ModelRegistrySchema, type ModelEntry, type ModelRegistry } from './model-registry-schema';

/** The registry a call works with: the caller's (validated here, since it is outside input) or the built-in one. */
export function registryOf(options: Pick<ModelCacheOptions, 'registry'>): ModelRegistry {
  if (options.registry === undefined) return modelRegistry;
  const parsed = ModelRegistrySchema.safeParse(options.registry);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ModelConfigInvalidError(
    `the model registry passed in is invalid: ${problems.join('; ')}`,
    'fix the registry entries named above (see ModelEntrySchema)',
    { problems },
  );
}

export function findModelEntry(registry: ModelRegistry, name: string): ModelEntry {
  const entry = registry.find((candidate) => candidate.name === name);
  if (entry === undefined) throw new ModelUnknownError(name, registry.map((candidate) => candidate.name));
  return entry;
}
