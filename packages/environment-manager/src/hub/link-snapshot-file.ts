import { copyFile, mkdir, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';

// What a file system without symlinks (Windows without developer mode, FAT, some shares) answers.
const NO_SYMLINKS = new Set(['EPERM', 'EACCES', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Makes `pointer` (a snapshot path) name the blob's bytes as huggingface_hub does: a relative symlink
 * (`../../blobs/<etag>`, deeper for nested paths), which survives moving the cache. Where symlinks are
 * refused, a new blob is moved to the pointer and an existing one copied, as huggingface_hub falls back.
 */
export async function linkSnapshotFile(blob: string, pointer: string, options: { newBlob: boolean }): Promise<void> {
  await mkdir(path.dirname(pointer), { recursive: true });
  await rm(pointer, { force: true });
  try {
    await symlink(path.relative(path.dirname(pointer), blob), pointer, 'file');
    return;
  } catch (error) {
    if (!NO_SYMLINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  if (options.newBlob) {
    await rename(blob, pointer);
    return;
  }
  await copyFile(blob, pointer);
}
