// A local package index of metadata-only wheels, built from the recorded METADATA of the releases the
// environment specs pin (and what they pull in), and the real pip resolver run against it offline.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { z } from 'zod';
import { buildWheel } from '../python-wheel';

const ReleaseSchema = z
  .strictObject({
    name: z.string().min(1),
    /** As the index names it: PyTorch's builds carry a local label (`2.8.0+cpu`). */
    version: z.string().min(1),
    /** A key of `indexes`: where this build is published. */
    index: z.string().min(1),
    /** `Requires-Python` as the release's METADATA has it; null when it has none. */
    requires_python: z.string().min(1).nullable(),
    /** The release's `Requires-Dist` lines, markers included (extras' lines left out: nothing here asks for an extra). */
    requires_dist: z.array(z.string().min(1)),
    /** The repository, tag and file the lines were read from, or why a leaf needs no lines. */
    source: z.string().min(1),
    /** Past the depth rule (README): it only has to exist, so it carries no Requires-Dist. */
    leaf: z.literal(true).optional(),
  })
  .refine((release) => release.leaf !== true || release.requires_dist.length === 0, { error: 'a leaf carries no requires_dist' });

export const PythonIndexMetadataSchema = z
  .strictObject({
    /** Index name → the real index URL the specs name (`indexUrl`) or PyPI. */
    indexes: z.record(z.string(), z.url()),
    releases: z.array(ReleaseSchema).min(1),
  })
  .superRefine((metadata, context) => {
    const seen = new Set<string>();
    metadata.releases.forEach((release, at) => {
      if (!(release.index in metadata.indexes)) context.addIssue({ code: 'custom', path: ['releases', at, 'index'], message: `unknown index "${release.index}"` });
      const key = `${release.index} ${release.name.toLowerCase()} ${release.version}`;
      if (seen.has(key)) context.addIssue({ code: 'custom', path: ['releases', at], message: `${release.name} ${release.version} is recorded twice` });
      seen.add(key);
    });
  });
export type PythonIndexMetadata = z.infer<typeof PythonIndexMetadataSchema>;

/** The recorded releases (`metadata.json` beside this file), validated. */
export async function readIndexMetadata(): Promise<PythonIndexMetadata> {
  return PythonIndexMetadataSchema.parse(JSON.parse(await readFile(new URL('./metadata.json', import.meta.url), 'utf8')));
}

export interface LocalPythonIndex {
  /** Index name → the folder of its wheels (pip's --find-links). */
  dirs: Record<string, string>;
  /** Index URL → index name, to stand a spec's `indexUrl` in for its folder. */
  namesByUrl: Record<string, string>;
  /** The name of the index that stands for PyPI. */
  pypi: string;
}

const PYPI_URL = 'https://pypi.org/simple';

/** Writes one metadata-only `py3-none-any` wheel per recorded release into `<outDir>/<index>/`. */
export async function buildLocalPythonIndex(outDir: string, metadata?: PythonIndexMetadata): Promise<LocalPythonIndex> {
  const recorded = metadata ?? (await readIndexMetadata());
  const dirs = Object.fromEntries(Object.keys(recorded.indexes).map((name) => [name, path.join(outDir, name)]));
  await Promise.all(
    recorded.releases.map((release) =>
      buildWheel({
        name: release.name,
        version: release.version,
        requires: release.requires_dist,
        ...(release.requires_python === null ? {} : { requiresPython: release.requires_python }),
        metadataOnly: true,
        outDir: dirs[release.index]!,
      }),
    ),
  );
  const namesByUrl = Object.fromEntries(Object.entries(recorded.indexes).map(([name, url]) => [url, name]));
  const pypi = namesByUrl[PYPI_URL];
  if (pypi === undefined) throw new Error(`the recorded indexes have none for PyPI (${PYPI_URL})`);
  return { dirs, namesByUrl, pypi };
}

export interface ResolveOptions {
  /** An interpreter with pip (a venv's python): pip resolves for `pythonVersion`, not for this one. */
  python: string;
  index: LocalPythonIndex;
  /** All of them in one call, as the installer passes them. */
  requirements: readonly string[];
  /** The variant's extra index (PyTorch's), as the spec names it; its local folder is added to PyPI's. */
  indexUrl?: string;
  /** `3.10`: pip enforces each release's Requires-Python against it. */
  pythonVersion: string;
  signal?: AbortSignal;
}

export interface Resolution {
  ok: boolean;
  /** What pip resolved to (on success): names in the wheel-file form pip wrote (`pyannote_audio`). */
  resolved: { name: string; version: string }[];
  /** pip's own stdout and stderr: on a conflict, its "The conflict is caused by" lines. */
  output: string;
}

// `<name>-<version>-py3-none-any.whl`: names and versions hold no dash in the wheel-file form.
const WHEEL_FILE = /^([^-]+)-([^-]+)-py3-none-any\.whl$/;

/** The environment pip runs in: no PIP_* variables and no config files, so only these arguments count. */
function isolatedPipEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toUpperCase().startsWith('PIP_')));
  return { ...env, PIP_CONFIG_FILE: os.devNull };
}

/**
 * Runs the real pip resolver offline against the local index, for another Python than the one pip runs
 * on: `pip download --no-index --find-links … --only-binary=:all: --python-version X`. `download` rather
 * than `install --dry-run`: pip 23's install takes --python-version (with --target) but resolves
 * Requires-Python against the interpreter it runs on; download enforces it against the target, and it
 * works the same on pip 23.0 (Debian bookworm's venv) and newer. Environment markers are still evaluated
 * on the running interpreter, as pip always does.
 */
export async function resolveWithPip(options: ResolveOptions): Promise<Resolution> {
  const folders = [options.index.dirs[options.index.pypi]!];
  if (options.indexUrl !== undefined) {
    const name = options.index.namesByUrl[options.indexUrl];
    if (name === undefined) throw new Error(`the local index has no folder for ${options.indexUrl}`);
    folders.push(options.index.dirs[name]!);
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'bollyx-pip-resolve-'));
  try {
    const args = [
      ...['-m', 'pip', 'download', '--disable-pip-version-check', '--no-input', '--no-cache-dir', '--progress-bar', 'off'],
      ...['--no-index', ...folders.flatMap((folder) => ['--find-links', folder])],
      ...['--only-binary=:all:', '--python-version', options.pythonVersion, '--dest', scratch],
      ...options.requirements,
    ];
    const result = await execa(options.python, args, { all: true, reject: false, cancelSignal: options.signal, env: isolatedPipEnv(), extendEnv: false });
    if (result.exitCode !== 0) return { ok: false, resolved: [], output: result.all ?? '' };
    const resolved = (await readdir(scratch)).flatMap((file) => {
      const match = WHEEL_FILE.exec(file);
      return match === null ? [] : [{ name: match[1]!, version: match[2]! }];
    });
    return { ok: true, resolved, output: result.all ?? '' };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
