import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { expectedDigest } from './file-digest';
import type { ModelEntry } from './model-registry-schema';
import { readRecordedDigest } from './verify-record';

export interface ModelCachePaths {
  /** Where the verified model lives. */
  path: string;
  /** Where a download in progress accumulates; renamed onto `path` once verified. */
  partialPath: string;
}

export function modelCachePaths(dir: string, entry: ModelEntry): ModelCachePaths {
  const file = path.join(dir, entry.file);
  return { path: file, partialPath: `${file}.partial` };
}

export interface ModelFileState extends ModelCachePaths {
  present: boolean;
  /** Size of the cached file, when present. */
  bytesOnDisk?: number;
  /** Bytes of an interrupted download waiting to be resumed. */
  partialBytes?: number;
  /** Known only when an earlier verify or pull recorded a digest for the file as it is now. */
  verified?: boolean;
}

/** What the cache holds for one model, without hashing anything. */
export async function modelFileState(dir: string, entry: ModelEntry): Promise<ModelFileState> {
  const paths = modelCachePaths(dir, entry);
  const [file, partial] = await Promise.all([statIfFile(paths.path), statIfFile(paths.partialPath)]);
  const state: ModelFileState = { ...paths, present: file !== undefined };
  if (partial !== undefined) state.partialBytes = partial.size;
  if (file !== undefined) {
    state.bytesOnDisk = file.size;
    const expected = expectedDigest(entry);
    const recorded = await readRecordedDigest(paths.path, file, expected.algorithm);
    if (recorded !== undefined) state.verified = recorded === expected.hex;
  }
  return state;
}

export async function statIfFile(file: string): Promise<Stats | undefined> {
  try {
    const stats = await stat(file);
    return stats.isFile() ? stats : undefined;
  } catch (error) {
    // ENOTDIR: a part of the path is a file, so there is no file here either.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
