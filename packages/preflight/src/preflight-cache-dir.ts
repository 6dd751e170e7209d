import path from 'node:path';
import { cacheRoot } from '@bollyx/environment-manager';

/** Where passed checks are cached: `<cache root>/preflight`. */
export function preflightCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(cacheRoot(env), 'preflight');
}
