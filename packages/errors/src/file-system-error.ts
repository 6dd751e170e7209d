import { existsSync, lstatSync, statSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { BollyxError } from './bollyx-error';
import { formatBytes } from './format-bytes';

/** What the file system refused, one code each: scripts tell a full disk from a read-only one. */
export type FileSystemErrorCode = 'DISK_FULL' | 'PATH_READ_ONLY' | 'PATH_NOT_WRITABLE' | 'PATH_BLOCKED' | 'PATH_PARENT_MISSING';

const CODES: Readonly<Record<string, FileSystemErrorCode>> = {
  ENOSPC: 'DISK_FULL',
  EDQUOT: 'DISK_FULL',
  EROFS: 'PATH_READ_ONLY',
  EACCES: 'PATH_NOT_WRITABLE',
  EPERM: 'PATH_NOT_WRITABLE',
  EEXIST: 'PATH_BLOCKED',
  ENOTDIR: 'PATH_BLOCKED',
  EISDIR: 'PATH_BLOCKED',
  ENOENT: 'PATH_PARENT_MISSING',
};

/** The nearest folder at or above `target` that exists: where free space is measured and what a missing parent hangs from. */
export function nearestExisting(target: string): string {
  let dir = path.resolve(target);
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Bytes free to this user on the disk holding `target`; null where the platform cannot tell. */
export function freeBytesAt(target: string): number | null {
  try {
    const stats = statfsSync(nearestExisting(target));
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** The first entry on the way down to `target` that is not a folder: a file, or a link to nothing. */
function blockerOf(target: string): { path: string; what: string } | undefined {
  const chain: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const entry of chain) {
    const link = lstatSync(entry, { throwIfNoEntry: false });
    if (link === undefined) return undefined;
    const resolved = statSync(entry, { throwIfNoEntry: false });
    if (resolved === undefined) return { path: entry, what: 'a broken link' };
    if (!resolved.isDirectory()) return { path: entry, what: entry === path.resolve(target) ? 'a file where a folder belongs' : 'a file, not a folder' };
  }
  return undefined;
}

export interface FileSystemFacts {
  /** The file or folder being written. */
  path: string;
  /** Bytes the write needed, where the caller knows (a media copy, a job's estimate). */
  neededBytes?: number;
}

/** A write the file system refused, with the path, the reason, and for a full disk the space free and needed. */
export class FileSystemError extends BollyxError {
  declare readonly code: FileSystemErrorCode;
  /** Why the write was refused, without the path: for errors that name the path their own way. */
  readonly reason: string;

  constructor(code: FileSystemErrorCode, facts: FileSystemFacts, cause?: unknown) {
    const { reason, hint, details } = describe(code, facts);
    super(code, `Cannot write ${facts.path}: ${reason}`, { hint, details: { path: facts.path, ...details }, cause });
    this.reason = reason;
  }
}

function describe(code: FileSystemErrorCode, { path: target, neededBytes }: FileSystemFacts) {
  switch (code) {
    case 'DISK_FULL': {
      const freeBytes = freeBytesAt(target);
      const free = freeBytes === null ? 'free space unknown' : `${formatBytes(freeBytes)} free`;
      const needed = neededBytes === undefined ? '' : `, ${formatBytes(neededBytes)} needed`;
      return {
        reason: `the disk is full (${free}${needed})`,
        hint: `Free space on the disk holding ${nearestExisting(target)} (or use another folder on a bigger disk), then run the same command again: finished work is kept`,
        details: { freeBytes, ...(neededBytes === undefined ? {} : { neededBytes }) },
      };
    }
    case 'PATH_READ_ONLY':
      return {
        reason: 'its file system is mounted read-only',
        hint: 'Use a folder on a writable disk, or remount this one read-write',
        details: {},
      };
    case 'PATH_NOT_WRITABLE':
      return {
        reason: 'permission denied',
        hint: `Use a folder you can write to, or give this user write access to ${nearestExisting(target)}`,
        details: {},
      };
    case 'PATH_BLOCKED': {
      const blocker = blockerOf(target);
      const what = blocker === undefined ? 'something is in the way' : `${blocker.path} is ${blocker.what}`;
      return {
        reason: what,
        hint: `Move ${blocker?.path ?? target} aside, or choose another path`,
        details: blocker === undefined ? {} : { blockedBy: blocker.path },
      };
    }
    case 'PATH_PARENT_MISSING': {
      const parent = nearestExisting(path.dirname(target));
      const missingParent = path.join(parent, path.relative(parent, target).split(path.sep)[0]!);
      return {
        reason: `${missingParent} does not exist (a broken link, or a disk that is not mounted?)`,
        hint: `Create ${missingParent} or mount its disk, or choose a path under an existing folder`,
        details: { missingParent },
      };
    }
  }
}

/**
 * The typed error for a Node file-system error (ENOSPC, EROFS, EACCES, EEXIST, ENOTDIR, ENOENT…), naming the
 * path the error carries (else `fallbackPath`); undefined for anything else, which callers rethrow as it is.
 */
export function fileSystemError(error: unknown, facts: Partial<FileSystemFacts> = {}): FileSystemError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const errno = error as NodeJS.ErrnoException;
  const code = typeof errno.code === 'string' ? CODES[errno.code] : undefined;
  const target = errno.path ?? facts.path;
  if (code === undefined || target === undefined || typeof errno.syscall !== 'string') return undefined;
  return new FileSystemError(code, { ...facts, path: target }, error);
}

/** Runs `work`, turning a file-system refusal into its FileSystemError; every other error passes unchanged. */
export async function withFileSystemErrors<T>(work: () => Promise<T>, facts: Partial<FileSystemFacts> = {}): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw fileSystemError(error, facts) ?? error;
  }
}
