import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { withLockFolder } from '../lock-folder';
import type { EnvironmentOptions } from './environment-options';
import { environmentLockDir, environmentScratchDir } from './environment-scratch';
import { loadEnvironmentSpec } from './environment-specs';
import { environmentsDir } from './environments-dir';

/**
 * Deletes the environment `name` (waiting for a creation of it in progress). It is first renamed to a
 * trash name, so a half-deleted folder is never taken for an environment. An environment whose spec is
 * gone can still be removed; a name with neither a folder nor a spec throws EnvironmentUnknownError.
 */
export async function removeEnvironment(name: string, options: EnvironmentOptions = {}): Promise<{ removed: boolean; path: string }> {
  const root = environmentsDir(options.env ?? process.env);
  const target = path.join(root, name);
  const present = /^[a-z][a-z0-9-]*$/.test(name) && (await stat(target).then((info) => info.isDirectory(), () => false));
  if (!present) {
    await loadEnvironmentSpec(name, options);
    return { removed: false, path: target };
  }
  return withLockFolder(environmentLockDir(root, name), {}, async () => {
    const trash = environmentScratchDir(root, name, 'trash');
    try {
      await rename(target, trash);
    } catch (error) {
      // Removed by another process while this one waited for the lock.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { removed: false, path: target };
      throw error;
    }
    await rm(trash, { recursive: true, force: true, maxRetries: 3 });
    return { removed: true, path: target };
  });
}
