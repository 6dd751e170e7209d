import type { ModelCacheOptions } from './model-cache-options';
import { modelFileState, type ModelFileState } from './model-file-state';
import type { ModelEntry } from './model-registry-schema';
import { modelsDir } from './models-dir';
import { registryOf } from './registry-lookup';

export type ListedModel = Pick<ModelEntry, 'name' | 'kind' | 'file' | 'size' | 'license'> &
  ModelFileState & {
    /** present: the file is cached; partial: an interrupted download waits to be resumed; missing: neither. */
    state: 'present' | 'partial' | 'missing';
  };

/** Every registry model with what the cache holds for it; hashes nothing, so it is instant. */
export async function listModels(options: ModelCacheOptions = {}): Promise<ListedModel[]> {
  const dir = modelsDir(options);
  return Promise.all(
    registryOf(options).map(async (entry) => {
      const state = await modelFileState(dir, entry);
      return {
        name: entry.name,
        kind: entry.kind,
        file: entry.file,
        size: entry.size,
        license: entry.license,
        ...state,
        state: state.present ? 'present' : state.partialBytes !== undefined ? 'partial' : 'missing',
      };
    }),
  );
}
