import type { Stats } from 'node:fs';
import type { HashProgress } from '../models/file-digest';
import { digestForEtag } from './hub-digest';
import { recordVouchesFor, type HubPullRecord } from './hub-pull-record';

export interface HubFileCheck {
  ok: boolean;
  /** The digest in the etag's form; absent when the size alone showed a mismatch. */
  actual?: string;
  /** True when the record of an earlier check vouched for the unchanged file, so nothing was hashed. */
  cached: boolean;
}

/**
 * Checks the bytes of `file` (stats given, taken through any symlink) against an etag: the record of an
 * earlier check vouches for an unchanged file, a wrong size fails without hashing, else the file is hashed.
 */
export async function checkHubFile(
  file: string,
  stats: Stats,
  expected: { etag: string; size?: number },
  record: HubPullRecord | undefined,
  progress: HashProgress,
): Promise<HubFileCheck> {
  if (expected.size !== undefined && stats.size !== expected.size) return { ok: false, cached: false };
  if (recordVouchesFor(record, expected.etag, stats)) return { ok: true, actual: expected.etag, cached: true };
  const actual = await digestForEtag(file, expected.etag, stats.size, progress);
  return { ok: actual === expected.etag, actual, cached: false };
}
