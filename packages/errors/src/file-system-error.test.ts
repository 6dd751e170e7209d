import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mountsAvailable, mountTmpfs } from '../../../tools/test-mounts';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { FileSystemError, fileSystemError, withFileSystemErrors } from './index';

const tempDir = useTempDirs();
const refusal = (work: () => Promise<unknown>, path?: string) =>
  withFileSystemErrors(work, path === undefined ? {} : { path }).then(
    () => undefined,
    (error: unknown) => error,
  );

describe('fileSystemError', () => {
  it('names the file in the way of a folder, and a broken link on the way', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'movie.mp4'), 'x');
    const blocked = await refusal(() => mkdir(join(dir, 'movie.mp4', 'ws'), { recursive: true }));
    expect(blocked).toBeInstanceOf(FileSystemError);
    expect(blocked).toMatchObject({ code: 'PATH_BLOCKED', details: { blockedBy: join(dir, 'movie.mp4') } });

    await symlink(join(dir, 'gone'), join(dir, 'link'));
    const broken = await refusal(() => mkdir(join(dir, 'link', 'ws'), { recursive: true }));
    expect(broken).toMatchObject({ code: 'PATH_BLOCKED', message: expect.stringContaining(`${join(dir, 'link')} is a broken link`) });
  });

  it('names the missing folder above a path', async () => {
    const dir = await tempDir();
    const missing = await refusal(() => writeFile(join(dir, 'no', 'such', 'file.json'), '{}'));
    expect(missing).toMatchObject({ code: 'PATH_PARENT_MISSING', details: { missingParent: join(dir, 'no') } });
  });

  it('leaves errors that are not the file system’s alone', () => {
    expect(fileSystemError(new Error('boom'))).toBeUndefined();
    expect(fileSystemError(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBeUndefined(); // no syscall: not from fs
  });

  it.skipIf(!mountsAvailable)('reports a full disk with the space free and needed, and a read-only one', async () => {
    const disk = await mountTmpfs(1024 * 1024);
    try {
      disk.fill();
      // write(2) errors carry no path: the caller's names the file.
      const full = await refusal(() => writeFile(join(disk.dir, 'job.yaml'), 'x'.repeat(64 * 1024)), join(disk.dir, 'job.yaml'));
      expect(full).toMatchObject({ code: 'DISK_FULL', details: { path: join(disk.dir, 'job.yaml'), freeBytes: 0 } });
      const needed = fileSystemError((full as FileSystemError).cause, { path: disk.dir, neededBytes: 3 * 1024 * 1024 });
      expect(needed?.message).toMatch(/the disk is full \(0 B free, 3\.0 MB needed\)/);
      await disk.free();
      disk.readOnly();
      expect(await refusal(() => mkdir(join(disk.dir, 'jobs')))).toMatchObject({ code: 'PATH_READ_ONLY' });
    } finally {
      await disk.unmount();
    }
  });
});
