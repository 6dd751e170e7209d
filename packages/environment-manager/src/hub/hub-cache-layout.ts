import path from 'node:path';
import { cacheRoot } from '../cache-root';

/** `HF_HOME` for every Python stage: `huggingface` in the bollyx cache folder. */
export function hubHomeDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(cacheRoot(env), 'huggingface');
}

/**
 * The Hugging Face hub cache (`HF_HUB_CACHE`): `huggingface/hub` in the bollyx cache folder
 * (`BOLLYX_CACHE_DIR`, else ~/.cache/bollyx). Always absolute.
 */
export function hubCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(hubHomeDir(env), 'hub');
}

/**
 * huggingface_hub's layout of one model repository, which the Python libraries read offline:
 * `models--{owner}--{name}/blobs/<etag>` holds the bytes (named by their sha256 for LFS files, their git
 * blob sha1 otherwise), `refs/<revision>` the commit a branch or tag resolved to, and
 * `snapshots/<commit>/<path>` a relative symlink to the blob (a copy where symlinks are not possible).
 */
export function repoCacheDir(hubDir: string, repo: string): string {
  return path.join(hubDir, ['models', ...repo.split('/')].join('--'));
}

export function blobPath(repoDir: string, etag: string): string {
  return path.join(repoDir, 'blobs', etag);
}

/** Where a blob's download accumulates, resumed with HTTP Range, until its digest is checked. */
export function incompleteBlobPath(repoDir: string, etag: string): string {
  return `${blobPath(repoDir, etag)}.incomplete`;
}

export function snapshotDir(repoDir: string, commit: string): string {
  return path.join(repoDir, 'snapshots', commit);
}

/** A repository file's place in a snapshot; `file` has forward slashes, as on the hub. */
export function snapshotFilePath(repoDir: string, commit: string, file: string): string {
  return path.join(snapshotDir(repoDir, commit), ...file.split('/'));
}

export function refPath(repoDir: string, revision: string): string {
  return path.join(repoDir, 'refs', ...revision.split('/'));
}

const COMMIT = /^[0-9a-f]{40}$/;

export function isCommitHash(revision: string): boolean {
  return COMMIT.test(revision);
}
