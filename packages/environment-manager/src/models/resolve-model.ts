import path from 'node:path';
import type { ModelCacheOptions } from './model-cache-options';
import { ModelUnknownError } from './model-errors';
import { modelFileState, statIfFile } from './model-file-state';
import { modelsDir } from './models-dir';
import { registryOf } from './registry-lookup';

export interface ResolvedModel {
  /** The registry name, or the file name for a model given by path. */
  name: string;
  path: string;
  present: boolean;
  /** Set for registry models whose digest an earlier pull or verify recorded for the file as it is now. */
  verified?: boolean;
}

/**
 * Where a model is: a registry name maps to its cache file (present or not, nothing is fetched); anything
 * else must be the path of an existing file, used as it is and unverified (a model bollyx does not know).
 */
export async function resolveModel(nameOrPath: string, options: ModelCacheOptions = {}): Promise<ResolvedModel> {
  const registry = registryOf(options);
  const entry = registry.find((candidate) => candidate.name === nameOrPath);
  if (entry !== undefined) {
    const state = await modelFileState(modelsDir(options), entry);
    return {
      name: entry.name,
      path: state.path,
      present: state.present,
      ...(state.verified === undefined ? {} : { verified: state.verified }),
    };
  }
  const file = path.resolve(nameOrPath);
  if ((await statIfFile(file)) !== undefined) return { name: path.basename(file), path: file, present: true };
  throw new ModelUnknownError(nameOrPath, registry.map((candidate) => candidate.name));
}
