import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { statIfFile } from '../models/model-file-state';
import { matchesFilePattern } from './file-patterns';
import { hubCacheDir, isCommitHash, refPath, repoCacheDir, snapshotDir } from './hub-cache-layout';
import type { HubModelEntry } from './hub-model-registry-schema';
import { hubModelEntry } from './hub-model-registry';
import { readHubPullRecord, type HubPullRecord } from './hub-pull-record';

/** present: every file the backend needs is in the snapshot `refs/<revision>` names; partial: some bytes are there. */
export type HubModelState = 'present' | 'missing' | 'partial';

export interface HubModelStateOptions {
  /** Where BOLLYX_CACHE_DIR is read from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** A file of the snapshot (its path with forward slashes) and its size, through the symlink. */
export interface SnapshotFile {
  path: string;
  size: number;
}

export interface HubModelInspection {
  state: HubModelState;
  repoDir: string;
  /** The commit the revision resolves to in the cache (`refs/<revision>`, or the revision itself). */
  commit?: string;
  snapshotDir?: string;
  files: SnapshotFile[];
  /** bollyx's record of its last pull, when it is of this commit. */
  record?: HubPullRecord;
}

/** What the hub cache holds for a model, read the way huggingface_hub resolves it offline; hashes nothing. */
export async function inspectHubModel(entry: HubModelEntry, env: NodeJS.ProcessEnv): Promise<HubModelInspection> {
  const repoDir = repoCacheDir(hubCacheDir(env), entry.repo);
  const commit = isCommitHash(entry.revision) ? entry.revision : await readRef(refPath(repoDir, entry.revision));
  const blobsOnDisk = (await readdirIfExists(path.join(repoDir, 'blobs'))).length > 0;
  if (commit === undefined) return { state: blobsOnDisk ? 'partial' : 'missing', repoDir, files: [] };

  const dir = snapshotDir(repoDir, commit);
  const files = await listSnapshotFiles(dir);
  const pulled = await readHubPullRecord(env, entry.name);
  const record = pulled?.repo === entry.repo && pulled.commit === commit ? pulled : undefined;
  const paths = new Set(files.map((file) => file.path));
  // Without a file list in the registry only our record knows what "every file of the revision" was.
  const patternsMatched = entry.files === undefined ? record !== undefined : entry.files.every((pattern) => files.some((file) => matchesFilePattern(file.path, pattern)));
  const complete = patternsMatched && (record?.files ?? []).every((file) => paths.has(file.path));
  const state = complete ? 'present' : files.length > 0 || blobsOnDisk ? 'partial' : 'missing';
  return { state, repoDir, commit, snapshotDir: dir, files, ...(record === undefined ? {} : { record }) };
}

/** Whether a registry model is in the hub cache: present, partial or missing. Nothing is fetched or hashed. */
export async function hubModelState(name: string, options: HubModelStateOptions = {}): Promise<HubModelState> {
  return (await inspectHubModel(hubModelEntry(name), options.env ?? process.env)).state;
}

async function readRef(file: string): Promise<string | undefined> {
  try {
    const commit = (await readFile(file, 'utf8')).trim();
    return isCommitHash(commit) ? commit : undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
}

async function readdirIfExists(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

/** Every file under a snapshot folder whose symlink resolves to a file (a dangling link is no file). */
async function listSnapshotFiles(dir: string, prefix = ''): Promise<SnapshotFile[]> {
  const found: SnapshotFile[] = [];
  for (const name of (await readdirIfExists(dir)).sort()) {
    const full = path.join(dir, name);
    const relative = prefix === '' ? name : `${prefix}/${name}`;
    const file = await statIfFile(full).catch(() => undefined);
    if (file !== undefined) {
      found.push({ path: relative, size: file.size });
    } else if ((await stat(full).catch(() => undefined))?.isDirectory()) {
      found.push(...(await listSnapshotFiles(full, relative)));
    }
  }
  return found;
}
