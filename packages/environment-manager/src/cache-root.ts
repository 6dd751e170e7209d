import envPaths from 'env-paths';

/**
 * bollyx's cache folder: `BOLLYX_CACHE_DIR`, else the user cache folder (~/.cache/bollyx,
 * ~/Library/Caches/bollyx, %LOCALAPPDATA%\bollyx\Cache). Models and engines live in folders inside it.
 */
export function cacheRoot(env: NodeJS.ProcessEnv): string {
  return env.BOLLYX_CACHE_DIR || envPaths('bollyx', { suffix: '' }).cache;
}
