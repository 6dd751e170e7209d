import type { ModelRegistry } from './model-registry-schema';

/** Where the cache is and what it holds; every models function takes these. */
export interface ModelCacheOptions {
  /** The cache folder. Default: `BOLLYX_MODELS_DIR`, else `models` in the bollyx cache folder. */
  dir?: string;
  /** A registry to use instead of `modelRegistry` (an integrator's own models, tests). */
  registry?: ModelRegistry;
  /** Where `BOLLYX_*` settings are read from. Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}
