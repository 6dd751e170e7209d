import path from 'node:path';
import { cacheRoot } from '../cache-root';

/** The folder every environment lives in, one folder per name: `<cache root>/environments`. Always absolute. */
export function environmentsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(cacheRoot(env), 'environments');
}
