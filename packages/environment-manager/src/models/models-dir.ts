import path from 'node:path';
import { cacheRoot } from '../cache-root';
import type { ModelCacheOptions } from './model-cache-options';

/**
 * The model cache folder: `options.dir`, else `BOLLYX_MODELS_DIR`, else `models` inside `BOLLYX_CACHE_DIR`
 * or the user cache folder (~/.cache/bollyx, ~/Library/Caches/bollyx, %LOCALAPPDATA%\bollyx\Cache).
 * Always absolute, so a relative setting means the same folder for every stage.
 */
export function modelsDir(options: Pick<ModelCacheOptions, 'dir' | 'env'> = {}): string {
  const env = options.env ?? process.env;
  const chosen = options.dir || env.BOLLYX_MODELS_DIR || path.join(cacheRoot(env), 'models');
  return path.resolve(chosen);
}
