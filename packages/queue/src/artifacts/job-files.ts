import { rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readManifest, StageNotCachedError, type Manifest } from '@bollyx/stage-runner';
import type { ArtifactStore, ArtifactTransferProgress } from './artifact-store';
import { artifactKeySchema } from './artifact-store';
import { ArtifactCorruptError, recordMismatch } from './artifact-errors';
import { sha256OfFile } from './sha256-meter';

export interface JobFilesOptions {
  /** The job's id in the store (`jobs/<jobId>/…`); default: the job folder's name. */
  jobId?: string;
  signal?: AbortSignal;
  /** Per file: its path in the job folder and how far it is. */
  onProgress?: (progress: ArtifactTransferProgress & { path: string }) => void;
}

export interface JobFilesMoved {
  /** Job-relative paths moved, manifests included. */
  moved: string[];
  /** Job-relative paths already there with the recorded sha256 (not moved again). */
  unchanged: string[];
}

const manifestFile = (stageId: string) => `manifests/${stageId}.json`;

/** The store key of a job-relative path; a manifest naming a path outside the job folder is refused. */
function jobKey(jobId: string, path: string, manifest: string): string {
  const key = `jobs/${jobId}/${path}`;
  if (!artifactKeySchema.safeParse(key).success) {
    throw new ArtifactCorruptError(manifest, `lists ${JSON.stringify(path)}, which is not a path inside the job folder`);
  }
  return key;
}

async function localRecord(path: string, signal?: AbortSignal) {
  try {
    return await sha256OfFile(path, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Puts the outputs of `stageIds` (as their manifests record them) and then the manifests into `store`
 * under `jobs/<jobId>/`, so a worker elsewhere can pull them and run the next segment. Each file's sha256
 * must match its manifest (`ARTIFACT_CORRUPT` otherwise: it changed since the stage ran); files the store
 * already holds with that sha256 are skipped. A stage without a manifest has not finished: `STAGE_NOT_CACHED`.
 */
export async function pushJobFiles(store: ArtifactStore, jobDir: string, stageIds: readonly string[], options: JobFilesOptions = {}): Promise<JobFilesMoved> {
  const jobId = options.jobId ?? basename(jobDir);
  const result: JobFilesMoved = { moved: [], unchanged: [] };
  for (const stageId of stageIds) {
    const manifestPath = join(jobDir, manifestFile(stageId));
    const manifest = await readManifest(manifestPath);
    if (manifest === undefined) throw new StageNotCachedError(stageId, 'pushJobFiles', 'segment');
    for (const output of manifest.outputs) {
      const key = jobKey(jobId, output.path, manifestPath);
      const stored = await store.stat(key);
      if (stored !== undefined && recordMismatch(key, output, stored) === undefined) {
        result.unchanged.push(output.path);
        continue;
      }
      const localPath = join(jobDir, output.path);
      if ((await stat(localPath).catch(() => undefined)) === undefined) throw new ArtifactCorruptError(localPath, `listed in ${manifestFile(stageId)} but missing`, { stageId });
      const sent = await store.put(key, localPath, { signal: options.signal, onProgress: (progress) => options.onProgress?.({ ...progress, path: output.path }) });
      const mismatch = recordMismatch(`${localPath} (as listed in ${manifestFile(stageId)})`, output, sent);
      if (mismatch) {
        await store.remove(key);
        throw mismatch;
      }
      result.moved.push(output.path);
    }
    // The manifest last: a puller that finds it finds the outputs it lists.
    await store.put(jobKey(jobId, manifestFile(stageId), manifestPath), manifestPath, { signal: options.signal });
    result.moved.push(manifestFile(stageId));
  }
  return result;
}

/**
 * Gets the manifests of `stageIds` from `store` (`jobs/<jobId>/…`) and the outputs they list into
 * `jobDir`, each checked against its manifest's sha256 (`ARTIFACT_CORRUPT`); outputs already there with
 * that sha256 are kept. Each manifest is placed last, after its outputs, as the engine writes them, so
 * `runPipeline(stages, { segment })` then trusts those stages.
 */
export async function pullJobFiles(store: ArtifactStore, jobDir: string, stageIds: readonly string[], options: JobFilesOptions = {}): Promise<JobFilesMoved> {
  const jobId = options.jobId ?? basename(jobDir);
  const result: JobFilesMoved = { moved: [], unchanged: [] };
  for (const stageId of stageIds) {
    const manifestPath = join(jobDir, manifestFile(stageId));
    const manifestKey = jobKey(jobId, manifestFile(stageId), manifestFile(stageId));
    const pulled = join(jobDir, 'manifests', `.${stageId}.json.pulled`);
    let manifest: Manifest | undefined;
    try {
      await store.get(manifestKey, pulled, { signal: options.signal });
      manifest = await readManifest(pulled);
      if (manifest === undefined || manifest.stageId !== stageId) throw new ArtifactCorruptError(`${store.location} ${manifestKey}`, `is not the manifest of stage ${stageId}`, { stageId });
      for (const output of manifest.outputs) {
        const key = jobKey(jobId, output.path, manifestKey);
        const localPath = join(jobDir, output.path);
        const local = await localRecord(localPath, options.signal);
        if (local !== undefined && recordMismatch(localPath, output, local) === undefined) {
          result.unchanged.push(output.path);
          continue;
        }
        const received = await store.get(key, localPath, {
          expectedSha256: output.sha256,
          signal: options.signal,
          onProgress: (progress) => options.onProgress?.({ ...progress, path: output.path }),
        });
        const mismatch = recordMismatch(`${store.location} ${key}`, output, received);
        if (mismatch) throw mismatch;
        result.moved.push(output.path);
      }
      await rename(pulled, manifestPath);
      result.moved.push(manifestFile(stageId));
    } finally {
      await rm(pulled, { force: true });
    }
  }
  return result;
}
