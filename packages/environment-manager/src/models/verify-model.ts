import { skipIfReadOnly } from '../skip-if-read-only';
import { digestFile, expectedDigest } from './file-digest';
import type { ModelCacheOptions } from './model-cache-options';
import { ModelCancelledError, ModelNotPresentError } from './model-errors';
import { modelCachePaths, statIfFile } from './model-file-state';
import type { ModelOperationOptions } from './model-progress';
import type { DigestAlgorithm, ModelEntry } from './model-registry-schema';
import { modelsDir } from './models-dir';
import { findModelEntry, registryOf } from './registry-lookup';
import { readRecordedDigest, recordDigest } from './verify-record';

export interface ModelVerification {
  name: string;
  path: string;
  /** True when the file's digest is the registry's. */
  ok: boolean;
  algorithm: DigestAlgorithm;
  expected: string;
  actual: string;
  /** Size of the file on disk. */
  size: number;
  /** Size the registry gives. */
  expectedSize: number;
  /** True when the digest came from the record of an earlier verify of the unchanged file. */
  cached: boolean;
}

export type VerifyModelOptions = ModelCacheOptions & ModelOperationOptions;

/**
 * Checks a cached model against the registry digest. The digest is recorded beside the file with its size
 * and mtime, so verifying an unchanged file again is instant. A mismatch is a result (`ok: false`), not an
 * error; a missing file throws ModelNotPresentError.
 */
export async function verifyModel(name: string, options: VerifyModelOptions = {}): Promise<ModelVerification> {
  const entry = findModelEntry(registryOf(options), name);
  try {
    return await verifyCachedEntry(modelsDir(options), entry, options);
  } catch (error) {
    if (options.signal?.aborted) throw new ModelCancelledError(name, 'verify', error);
    throw error;
  }
}

export async function verifyCachedEntry(dir: string, entry: ModelEntry, options: ModelOperationOptions): Promise<ModelVerification> {
  const { path } = modelCachePaths(dir, entry);
  const before = await statIfFile(path);
  if (before === undefined) throw new ModelNotPresentError(entry.name, path, { offline: false });
  const expected = expectedDigest(entry);
  const recorded = await readRecordedDigest(path, before, expected.algorithm);
  let actual = recorded;
  if (actual === undefined) {
    const hashed = await digestFile(path, expected.algorithm, {
      signal: options.signal,
      onBytes: (bytesDone) =>
        options.onProgress?.({ model: entry.name, phase: 'verify', source: path, bytesDone, bytesTotal: before.size }),
    });
    actual = hashed.hex;
    const after = await statIfFile(path);
    // A file rewritten while we hashed it gets no record: the digest may describe neither version.
    if (after !== undefined && after.size === before.size && after.mtimeMs === before.mtimeMs) {
      await skipIfReadOnly(recordDigest(path, before, expected.algorithm, actual));
    }
  }
  return {
    name: entry.name,
    path,
    ok: actual === expected.hex,
    algorithm: expected.algorithm,
    expected: expected.hex,
    actual,
    size: before.size,
    expectedSize: entry.size,
    cached: recorded !== undefined,
  };
}
