import { readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { ModelCancelledError, ModelChecksumMismatchError } from '../models/model-errors';
import type { ModelOperationOptions } from '../models/model-progress';
import type { DigestAlgorithm } from '../models/model-registry-schema';
import { skipIfReadOnly } from '../skip-if-read-only';
import { checkHubFile } from './check-hub-file';
import { snapshotFilePath } from './hub-cache-layout';
import { ETAG_PATTERN } from './hub-digest';
import { HubModelNotPresentError } from './hub-errors';
import type { HubModelEntry } from './hub-model-registry-schema';
import { hubModelEntry } from './hub-model-registry';
import { inspectHubModel, type HubModelInspection } from './hub-model-state';
import { writeHubPullRecord, type HubPullRecord, type HubRecordedFile } from './hub-pull-record';
import { HUB_FIX } from './hub-session';

export interface HubFileVerification {
  /** The path inside the repository. */
  path: string;
  /** The snapshot file checked. */
  file: string;
  /** The expected digest: the blob the symlink names, else bollyx's pull record; absent when neither says. */
  etag?: string;
  /** sha256 for LFS files; sha1 is git's blob sha1 (over `blob <size>\0` and the bytes). */
  algorithm: DigestAlgorithm;
  actual?: string;
  size: number;
  ok: boolean;
  /** True when the pull record vouched for the unchanged file, so it was not hashed. */
  cached: boolean;
}

export interface HubModelVerification {
  name: string;
  repo: string;
  commit: string;
  snapshotDir: string;
  /** True when every file of the snapshot matches its etag. */
  ok: boolean;
  files: HubFileVerification[];
}

export interface VerifyHubModelOptions extends ModelOperationOptions {
  /** Where BOLLYX_CACHE_DIR is read from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Checks every file of a cached Hugging Face model against its etag (sha256 for LFS files, git blob sha1
 * otherwise), offline. Files unchanged since bollyx last checked them are vouched for by its pull record.
 * A mismatch is a result (`ok: false`); a model that is not complete in the cache throws MODEL_NOT_PRESENT.
 */
export async function verifyHubModel(name: string, options: VerifyHubModelOptions = {}): Promise<HubModelVerification> {
  const entry = hubModelEntry(name);
  const env = options.env ?? process.env;
  try {
    return await verifySnapshot(entry, await inspectHubModel(entry, env), env, options, false);
  } catch (error) {
    if (options.signal?.aborted) throw new ModelCancelledError(name, 'verify', error);
    throw error;
  }
}

/** Verifies the snapshot an inspection found; throws MODEL_NOT_PRESENT when it is not complete. */
export async function verifySnapshot(
  entry: HubModelEntry,
  inspection: HubModelInspection,
  env: NodeJS.ProcessEnv,
  options: ModelOperationOptions,
  offline: boolean,
): Promise<HubModelVerification> {
  const { commit, snapshotDir, record } = inspection;
  if (inspection.state !== 'present' || commit === undefined || snapshotDir === undefined) {
    throw new HubModelNotPresentError({ model: entry.name, repo: entry.repo, revision: entry.revision, repoDir: inspection.repoDir, offline });
  }
  const bytesTotal = inspection.files.reduce((sum, file) => sum + file.size, 0);
  let bytesBefore = 0;
  const files: HubFileVerification[] = [];
  const hashedGood: HubRecordedFile[] = [];
  for (const { path: repoPath } of inspection.files) {
    const file = snapshotFilePath(inspection.repoDir, commit, repoPath);
    const stats = await stat(file);
    const etag = await etagOf(file, repoPath, record);
    const algorithm: DigestAlgorithm = etag?.length === 40 ? 'sha1' : 'sha256';
    if (etag === undefined) {
      files.push({ path: repoPath, file, algorithm, size: stats.size, ok: false, cached: false });
      continue;
    }
    const check = await checkHubFile(file, stats, { etag }, record, {
      signal: options.signal,
      onBytes: (bytes) =>
        options.onProgress?.({ model: entry.name, phase: 'verify', source: file, file: repoPath, bytesDone: bytesBefore + bytes, bytesTotal }),
    });
    bytesBefore += stats.size;
    if (check.ok && !check.cached) {
      const after = await stat(file);
      // A file rewritten while it was hashed gets no record: the digest may describe neither version.
      if (after.size === stats.size && after.mtimeMs === stats.mtimeMs) hashedGood.push({ path: repoPath, etag, size: stats.size, mtimeMs: stats.mtimeMs });
    }
    files.push({ path: repoPath, file, etag, algorithm, ...(check.actual === undefined ? {} : { actual: check.actual }), size: stats.size, ok: check.ok, cached: check.cached });
  }
  if (record !== undefined && hashedGood.length > 0) await refreshRecord(env, record, hashedGood);
  return { name: entry.name, repo: entry.repo, commit, snapshotDir, ok: files.every((file) => file.ok), files };
}

/** The error for a file that failed verification, for callers that treat a mismatch as a failure. */
export function hubFileMismatchError(model: string, file: HubFileVerification): ModelChecksumMismatchError {
  return new ModelChecksumMismatchError({
    model,
    path: file.file,
    algorithm: file.algorithm,
    expected: file.etag ?? 'unknown (the file is no symlink to a blob and bollyx has no record of it)',
    ...(file.actual === undefined ? {} : { actual: file.actual }),
    expectedSize: file.size,
    actualSize: file.size,
    deleted: false,
    ...HUB_FIX,
  });
}

/** The blob a snapshot symlink names is its etag; a copy (no symlinks) is looked up in the pull record. */
async function etagOf(file: string, repoPath: string, record: HubPullRecord | undefined): Promise<string | undefined> {
  const target = await readlink(file).catch(() => undefined);
  const named = target === undefined ? undefined : path.basename(target);
  if (named !== undefined && ETAG_PATTERN.test(named)) return named;
  return record?.files.find((recorded) => recorded.path === repoPath)?.etag;
}

/** Files hashed afresh and found good are recorded with their current mtime, so the next verify is instant. */
async function refreshRecord(env: NodeJS.ProcessEnv, record: HubPullRecord, hashedGood: HubRecordedFile[]): Promise<void> {
  const files = record.files.map((entry) => hashedGood.find((good) => good.path === entry.path && good.etag === entry.etag) ?? entry);
  await skipIfReadOnly(writeHubPullRecord(env, { ...record, files }));
}
