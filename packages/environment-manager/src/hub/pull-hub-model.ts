import type { Stats } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { downloadToPartial } from '../models/download-to-partial';
import { ModelCancelledError, ModelChecksumMismatchError, ModelFetchError } from '../models/model-errors';
import { statIfFile } from '../models/model-file-state';
import type { ModelOperationOptions } from '../models/model-progress';
import { checkHubFile } from './check-hub-file';
import { fetchFileMetadata, type HubFileMetadata } from './fetch-file-metadata';
import { fetchRevisionInfo, type HubListedFile, type HubRevisionInfo } from './fetch-revision-info';
import { matchesFilePattern } from './file-patterns';
import { blobPath, hubCacheDir, incompleteBlobPath, isCommitHash, refPath, repoCacheDir, snapshotDir, snapshotFilePath } from './hub-cache-layout';
import { etagDigest } from './hub-digest';
import { HubNotFoundError, HubResponseInvalidError } from './hub-errors';
import type { HubModelEntry } from './hub-model-registry-schema';
import { hubModelEntry } from './hub-model-registry';
import { inspectHubModel } from './hub-model-state';
import { readHubPullRecord, recordVouchesFor, writeHubPullRecord, type HubPullRecord } from './hub-pull-record';
import { accessDenied, authorizationFor, hubEndpoint, HUB_FIX, isHubUrl, type HubSession } from './hub-session';
import { linkSnapshotFile } from './link-snapshot-file';
import { hubSecretsFile, readHubToken } from './read-hub-token';
import { hubFileMismatchError, verifySnapshot } from './verify-hub-model';

export interface PullHubModelOptions extends ModelOperationOptions {
  /** Where BOLLYX_CACHE_DIR, HF_ENDPOINT, the offline switches and the token are read from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Never touch the network. Default: BOLLYX_OFFLINE or HF_HUB_OFFLINE set to 1/true/yes/on. */
  offline?: boolean;
  /** The hub's base URL (a mirror). Default: HF_ENDPOINT, else https://huggingface.co. */
  mirror?: string;
  /** The token for a gated model. Default: readHubToken (read only for gated models). */
  token?: string;
}

export interface PulledHubFile {
  path: string;
  etag: string;
  size: number;
}

export interface PulledHubModel {
  name: string;
  repo: string;
  revision: string;
  commit: string;
  /** `snapshots/<commit>` of the repository: what the Python libraries load. */
  snapshotDir: string;
  /** present: every file was already cached and checked; downloaded: some were fetched just now. */
  status: 'present' | 'downloaded';
  /** The hub asked; absent offline. */
  endpoint?: string;
  files: PulledHubFile[];
  /** The size of the files downloaded just now (a resumed file counts whole). */
  bytesDownloaded: number;
}

/**
 * Makes a registry model complete in the hub cache, in huggingface_hub's own layout, so its Python library
 * loads it with HF_HUB_OFFLINE=1. Online it resolves the revision to a commit and its file list, asks each
 * file's etag, size and location with a HEAD on its resolve URL, checks what the cache already holds, and
 * downloads the rest into `blobs/<etag>.incomplete` (resumed with Range, hashed while streaming, renamed
 * once the digest is the etag), then links `snapshots/<commit>/<path>` to the blob and writes
 * `refs/<revision>`. Offline it checks the cached snapshot instead. A gated model sends the token, to the
 * hub only; a refusal throws HubAccessDeniedError, which never carries the token.
 */
export async function pullHubModel(name: string, options: PullHubModelOptions = {}): Promise<PulledHubModel> {
  const entry = hubModelEntry(name);
  const env = options.env ?? process.env;
  const repoDir = repoCacheDir(hubCacheDir(env), entry.repo);
  const offline = options.offline ?? (isOn(env.BOLLYX_OFFLINE) || isOn(env.HF_HUB_OFFLINE));
  const partial: PartialDownload = { path: undefined };
  try {
    return offline ? await useCachedModel(entry, env, options) : await pullFromHub(entry, repoDir, env, options, partial);
  } catch (error) {
    if (options.signal?.aborted) {
      const kept = partial.path === undefined ? undefined : await statIfFile(partial.path).catch(() => undefined);
      throw new ModelCancelledError(name, 'pull', error, kept === undefined ? undefined : partial.path);
    }
    throw error;
  }
}

/** The `.incomplete` blob being downloaded, so a cancellation can say which partial it kept. */
interface PartialDownload {
  path: string | undefined;
}

function isOn(value: string | undefined): boolean {
  return /^(1|true|yes|on)$/i.test(value ?? '');
}

async function useCachedModel(entry: HubModelEntry, env: NodeJS.ProcessEnv, options: PullHubModelOptions): Promise<PulledHubModel> {
  const verification = await verifySnapshot(entry, await inspectHubModel(entry, env), env, options, true);
  const bad = verification.files.find((file) => !file.ok);
  if (bad !== undefined) throw hubFileMismatchError(entry.name, bad);
  return {
    name: entry.name,
    repo: entry.repo,
    revision: entry.revision,
    commit: verification.commit,
    snapshotDir: verification.snapshotDir,
    status: 'present',
    // Every file passed, so each has its etag.
    files: verification.files.flatMap(({ path: file, etag, size }) => (etag === undefined ? [] : [{ path: file, etag, size }])),
    bytesDownloaded: 0,
  };
}

/** One file of the commit and where its bytes already are, if anywhere. */
interface FilePlan {
  meta: HubFileMetadata;
  pointer: string;
  blob: string;
  /** The snapshot entry (through its symlink) when it resolves, else the blob when it exists. */
  stored?: { path: string; viaPointer: boolean; stats: Stats };
}

async function pullFromHub(
  entry: HubModelEntry,
  repoDir: string,
  env: NodeJS.ProcessEnv,
  options: PullHubModelOptions,
  partial: PartialDownload,
): Promise<PulledHubModel> {
  const { endpoint, fromMirror } = hubEndpoint(options.mirror, env);
  const token = options.token ?? (entry.gated ? await readHubToken({ env }) : undefined);
  const session: HubSession = { entry, endpoint, fromMirror, token, secretsFile: hubSecretsFile(env), signal: options.signal };

  const info = await fetchRevisionInfo(session);
  const metadata: HubFileMetadata[] = [];
  for (const listed of selectFiles(session, info)) {
    const meta = await fetchFileMetadata(session, info.commit, listed.path);
    if ((listed.etag !== undefined && listed.etag !== meta.etag) || (listed.size !== undefined && listed.size !== meta.size)) {
      throw new HubResponseInvalidError(entry.name, info.url, `the listing and the resolve URL disagree on ${listed.path} (etag or size)`);
    }
    metadata.push(meta);
  }

  const record = await readHubPullRecord(env, entry.name);
  const plans = await Promise.all(metadata.map((meta) => planFile(repoDir, info.commit, meta)));
  await checkStoredFiles(entry, plans, record, options);
  const downloaded = await downloadMissing(session, repoDir, plans, options, partial);
  // Linked only once every blob is in place and checked: a failed pull adds nothing to the snapshot.
  for (const plan of plans) {
    if (plan.stored?.viaPointer === true) continue;
    // Without symlinks a new blob is moved into the snapshot, unless another path of the commit shares it.
    const shared = plans.some((other) => other !== plan && other.meta.etag === plan.meta.etag);
    await linkSnapshotFile(plan.blob, plan.pointer, { newBlob: plan.stored === undefined && !shared });
  }

  if (!isCommitHash(entry.revision)) {
    const ref = refPath(repoDir, entry.revision);
    await mkdir(path.dirname(ref), { recursive: true });
    // huggingface_hub writes the bare commit, no newline.
    await writeFileAtomic(ref, info.commit);
  }
  const files = await Promise.all(
    plans.map(async ({ meta, pointer }) => {
      const stats = await stat(pointer);
      return { path: meta.path, etag: meta.etag, size: stats.size, mtimeMs: stats.mtimeMs };
    }),
  );
  await writeHubPullRecord(env, { name: entry.name, repo: entry.repo, revision: entry.revision, commit: info.commit, endpoint, pulledAt: new Date().toISOString(), files });
  return {
    name: entry.name,
    repo: entry.repo,
    revision: entry.revision,
    commit: info.commit,
    snapshotDir: snapshotDir(repoDir, info.commit),
    status: downloaded.files > 0 ? 'downloaded' : 'present',
    endpoint,
    files: files.map(({ path: file, etag, size }) => ({ path: file, etag, size })),
    bytesDownloaded: downloaded.bytes,
  };
}

/** The files the registry entry asks for (its patterns, each matching at least one file), else all of them. */
function selectFiles(session: HubSession, info: HubRevisionInfo): HubListedFile[] {
  const patterns = session.entry.files;
  if (patterns === undefined) return info.files;
  for (const pattern of patterns) {
    if (!info.files.some((file) => matchesFilePattern(file.path, pattern))) {
      const { entry } = session;
      throw new HubNotFoundError({
        model: entry.name,
        repo: entry.repo,
        revision: entry.revision,
        endpoint: session.endpoint,
        file: pattern,
        url: info.url,
        fromMirror: session.fromMirror,
      });
    }
  }
  return info.files.filter((file) => patterns.some((pattern) => matchesFilePattern(file.path, pattern)));
}

async function planFile(repoDir: string, commit: string, meta: HubFileMetadata): Promise<FilePlan> {
  const pointer = snapshotFilePath(repoDir, commit, meta.path);
  const blob = blobPath(repoDir, meta.etag);
  const pointed = await statIfFile(pointer);
  if (pointed !== undefined) return { meta, pointer, blob, stored: { path: pointer, viaPointer: true, stats: pointed } };
  const blobStats = await statIfFile(blob);
  return { meta, pointer, blob, ...(blobStats === undefined ? {} : { stored: { path: blob, viaPointer: false, stats: blobStats } }) };
}

/**
 * Checks the bytes already cached against their etags (the pull record vouches for files unchanged since
 * their last check); a bad file and its blob are deleted, to be downloaded again.
 */
async function checkStoredFiles(entry: HubModelEntry, plans: FilePlan[], record: HubPullRecord | undefined, options: ModelOperationOptions): Promise<void> {
  const needHashing = plans.filter(({ stored, meta }) => stored !== undefined && stored.stats.size === meta.size && !recordVouchesFor(record, meta.etag, stored.stats));
  const bytesTotal = needHashing.reduce((sum, plan) => sum + plan.meta.size, 0);
  let bytesBefore = 0;
  for (const plan of plans) {
    const { stored, meta } = plan;
    if (stored === undefined) continue;
    const check = await checkHubFile(stored.path, stored.stats, meta, record, {
      signal: options.signal,
      onBytes: (bytes) =>
        options.onProgress?.({ model: entry.name, phase: 'verify', source: stored.path, file: meta.path, bytesDone: bytesBefore + bytes, bytesTotal }),
    });
    if (check.actual !== undefined && !check.cached) bytesBefore += meta.size;
    if (check.ok) continue;
    await rm(plan.pointer, { force: true });
    await rm(plan.blob, { force: true });
    delete plan.stored;
  }
}

/** Downloads every file not in the cache into its blob, checked against its etag. */
async function downloadMissing(
  session: HubSession,
  repoDir: string,
  plans: FilePlan[],
  options: ModelOperationOptions,
  partial: PartialDownload,
): Promise<{ files: number; bytes: number }> {
  // Two paths with the same bytes share one blob: it is fetched once.
  const missing = plans
    .filter((plan) => plan.stored === undefined)
    .filter((plan, index, all) => all.findIndex((other) => other.meta.etag === plan.meta.etag) === index);
  const bytesTotal = missing.reduce((sum, plan) => sum + plan.meta.size, 0);
  let bytesBefore = 0;
  for (const { meta, blob } of missing) {
    const partialPath = incompleteBlobPath(repoDir, meta.etag);
    partial.path = partialPath;
    await mkdir(path.dirname(blob), { recursive: true });
    const digest = etagDigest(meta.etag, meta.size);
    let actual: string;
    try {
      actual = await downloadToPartial({
        model: session.entry.name,
        url: meta.downloadUrl,
        fromMirror: session.fromMirror,
        path: blob,
        partialPath,
        expectedSize: meta.size,
        expected: digest.expected,
        newHash: digest.newHash,
        headers: authorizationFor(session, meta.downloadUrl),
        ...HUB_FIX,
        signal: options.signal,
        onBytes: (bytes) =>
          options.onProgress?.({
            model: session.entry.name,
            phase: 'download',
            source: meta.downloadUrl,
            file: meta.path,
            bytesDone: bytesBefore + bytes,
            bytesTotal,
          }),
      });
    } catch (error) {
      // Refused by the hub: a gated file. Refused by the CDN: an expired signed URL, which a rerun renews.
      const status = error instanceof ModelFetchError ? error.details?.status : undefined;
      if ((status === 401 || status === 403) && isHubUrl(session, meta.downloadUrl)) throw accessDenied(session, status, meta.downloadUrl);
      throw error;
    }
    if (actual !== meta.etag) {
      await rm(partialPath, { force: true });
      throw new ModelChecksumMismatchError({
        model: session.entry.name,
        path: blob,
        source: meta.downloadUrl,
        algorithm: digest.expected.algorithm,
        expected: meta.etag,
        actual,
        expectedSize: meta.size,
        actualSize: meta.size,
        deleted: true,
        ...HUB_FIX,
      });
    }
    await rename(partialPath, blob);
    partial.path = undefined;
    bytesBefore += meta.size;
  }
  return { files: missing.length, bytes: bytesTotal };
}
