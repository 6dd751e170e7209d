import path from 'node:path';
import { cacheRoot } from '../cache-root';
import type { EngineOptions } from './engine-options';

/**
 * The engines folder: `options.dir`, else `BOLLYX_ENGINES_DIR`, else `engines` inside `BOLLYX_CACHE_DIR` or
 * the user cache folder (~/.cache/bollyx, ~/Library/Caches/bollyx). It persists between runs, so CI that
 * keeps the cache folder skips the slow build. Always absolute.
 */
export function enginesDir(options: Pick<EngineOptions, 'dir' | 'env'> = {}): string {
  const env = options.env ?? process.env;
  const chosen = options.dir || env.BOLLYX_ENGINES_DIR || path.join(cacheRoot(env), 'engines');
  return path.resolve(chosen);
}
