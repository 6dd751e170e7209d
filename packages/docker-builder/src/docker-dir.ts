import { join } from 'node:path';
import { cacheRoot } from '@bollyx/environment-manager';

/** Where `bollyx docker` writes Dockerfiles, build contexts and the bake file by default: `docker` in the bollyx cache folder. */
export function dockerDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), 'docker');
}
