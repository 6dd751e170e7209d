import { createHash, type Hash } from 'node:crypto';
import { hashFileInto, type ExpectedDigest, type HashProgress } from '../models/file-digest';

/**
 * How a hub file's etag is checked: the sha256 of an LFS file's bytes (64 hex digits), or git's blob sha1
 * of a small file (40): sha1 over `blob <size>\0` and the bytes, as `git hash-object` computes it.
 */
export interface EtagDigest {
  expected: ExpectedDigest;
  newHash: () => Hash;
}

export const ETAG_PATTERN = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export function etagDigest(etag: string, size: number): EtagDigest {
  if (etag.length === 64) return { expected: { algorithm: 'sha256', hex: etag }, newHash: () => createHash('sha256') };
  return {
    expected: { algorithm: 'sha1', hex: etag },
    newHash: () => createHash('sha1').update(`blob ${size}\0`),
  };
}

/** The digest of a file on disk in the form its etag takes (the size is the file's own, for git's header). */
export async function digestForEtag(file: string, etag: string, size: number, progress: HashProgress = {}): Promise<string> {
  const hash = etagDigest(etag, size).newHash();
  await hashFileInto(hash, file, progress);
  return hash.digest('hex');
}
