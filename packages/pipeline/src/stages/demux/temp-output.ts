import { randomBytes } from 'node:crypto';
import { access, link, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BollyxError } from '@bollyx/errors';

export interface TempOutputOptions {
  /** Keep an existing final file and throw this error instead of replacing it. */
  refuseExisting?: () => BollyxError;
}

/**
 * Lets `produce` write a hidden temp file beside `finalPath`, then moves it into place, so a failed or
 * cancelled run never leaves a half-written file under the real name. The temp file is removed on error.
 */
export async function writeThroughTemp<T>(
  finalPath: string,
  options: TempOutputOptions,
  produce: (tempPath: string) => Promise<T>,
): Promise<T> {
  await mkdir(dirname(finalPath), { recursive: true });
  const tempPath = join(dirname(finalPath), `.${basename(finalPath)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    const produced = await produce(tempPath);
    if (options.refuseExisting) await moveWithoutReplacing(tempPath, finalPath, options.refuseExisting);
    else await rename(tempPath, finalPath);
    return produced;
  } finally {
    await rm(tempPath, { force: true });
  }
}

async function moveWithoutReplacing(
  tempPath: string,
  finalPath: string,
  refuseExisting: () => BollyxError,
): Promise<void> {
  try {
    // link() fails with EEXIST instead of replacing: no window in which another writer's file is lost.
    await link(tempPath, finalPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw refuseExisting();
    // Filesystems without hard links (exFAT, some network shares) fall back to check-then-rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    if (await exists(finalPath)) throw refuseExisting();
    await rename(tempPath, finalPath);
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
