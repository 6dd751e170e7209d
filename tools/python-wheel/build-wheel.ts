import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipArchive, type ZipEntry } from './zip-archive';

export interface BuildWheelOptions {
  /** The distribution name pip installs it as, e.g. `bollyx-probe-pkg` or `faster-whisper`. */
  name: string;
  version: string;
  /** A folder whose contents become the wheel's top level (packages and modules); __pycache__ is left out. */
  sourceDir?: string;
  /** With sourceDir: only these top-level entries of it (e.g. `['faster_whisper']`). Default: all. */
  include?: string[];
  /** Files by their path inside the wheel, added to (and overriding) those from sourceDir. */
  files?: Record<string, string | Uint8Array>;
  /** `Requires-Dist` lines, e.g. `['ctranslate2==4.4.0']`: pip installs them too. */
  requires?: string[];
  /** `Requires-Python`, e.g. `>=3.10`: pip refuses the wheel for another Python. */
  requiresPython?: string;
  /** No package files, only the dist-info: a wheel that stands for a release in a resolver check. */
  metadataOnly?: boolean;
  outDir: string;
}

// A PEP 440 release with an optional post-release and local label (`2.9.0.post0`, `2.8.0+cpu`): what
// real releases and PyTorch's per-accelerator builds are named; no pre-releases.
const RELEASE_VERSION = /^\d+(\.\d+)*(\.post\d+)?(\+[a-z0-9]+(\.[a-z0-9]+)*)?$/;

const SKIPPED = (name: string) => name === '__pycache__' || name.endsWith('.pyc');

async function collect(dir: string, prefix: string, into: Map<string, Uint8Array>): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (SKIPPED(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const inside = `${prefix}${entry.name}`;
    if (entry.isDirectory()) await collect(full, `${inside}/`, into);
    else if (entry.isFile()) into.set(inside, await readFile(full));
  }
}

// RECORD is CSV: a path with a comma or a quote is quoted, quotes doubled.
const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const recordDigest = (data: Uint8Array) => `sha256=${createHash('sha256').update(data).digest('base64url')}`;

/**
 * Writes a pure-Python wheel (`<dist>-<version>-py3-none-any.whl`): the package files, then
 * `<dist>-<version>.dist-info/{METADATA,WHEEL,RECORD}` with RECORD's sha256 digests, as `pip install`
 * reads it. Built with Node alone (no `wheel` or `build` module needed) and byte-for-byte reproducible.
 */
export async function buildWheel(options: BuildWheelOptions): Promise<string> {
  if (!/^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(options.name)) throw new Error(`not a valid distribution name: ${options.name}`);
  if (!RELEASE_VERSION.test(options.version)) throw new Error(`not a release version: ${options.version}`);
  const files = new Map<string, Uint8Array>();
  if (options.sourceDir !== undefined) {
    const top = (await readdir(options.sourceDir, { withFileTypes: true })).filter(
      (entry) => !SKIPPED(entry.name) && (options.include === undefined || options.include.includes(entry.name)),
    );
    const missing = (options.include ?? []).filter((name) => !top.some((entry) => entry.name === name));
    if (missing.length > 0) throw new Error(`${options.sourceDir} has no ${missing.join(', ')}`);
    for (const entry of top) {
      const full = path.join(options.sourceDir, entry.name);
      if (entry.isDirectory()) await collect(full, `${entry.name}/`, files);
      else if (entry.isFile()) files.set(entry.name, await readFile(full));
    }
  }
  for (const [name, content] of Object.entries(options.files ?? {})) {
    files.set(name, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  }
  if (files.size === 0 && options.metadataOnly !== true) throw new Error(`wheel ${options.name} ${options.version} would hold no files`);

  // The file-name form of the name (PEP 427): runs of -_. become one underscore.
  const dist = options.name.replace(/[-_.]+/g, '_').toLowerCase();
  const distInfo = `${dist}-${options.version}.dist-info`;
  const metadata = [
    'Metadata-Version: 2.1',
    `Name: ${options.name}`,
    `Version: ${options.version}`,
    ...(options.requiresPython === undefined ? [] : [`Requires-Python: ${options.requiresPython}`]),
    ...(options.requires ?? []).map((requirement) => `Requires-Dist: ${requirement}`),
    '',
  ].join('\n');
  const wheel = ['Wheel-Version: 1.0', 'Generator: bollyx tools/python-wheel', 'Root-Is-Purelib: true', 'Tag: py3-none-any', ''].join('\n');

  const entries: ZipEntry[] = [...files.keys()].sort().map((name) => ({ name, data: files.get(name)! }));
  entries.push({ name: `${distInfo}/METADATA`, data: Buffer.from(metadata) }, { name: `${distInfo}/WHEEL`, data: Buffer.from(wheel) });
  const record = [
    ...entries.map((entry) => `${csvField(entry.name)},${recordDigest(entry.data)},${entry.data.length}`),
    `${distInfo}/RECORD,,`,
    '',
  ].join('\n');
  entries.push({ name: `${distInfo}/RECORD`, data: Buffer.from(record) });

  await mkdir(options.outDir, { recursive: true });
  const wheelPath = path.join(options.outDir, `${dist}-${options.version}-py3-none-any.whl`);
  const partial = `${wheelPath}.partial`;
  await writeFile(partial, zipArchive(entries));
  await rename(partial, wheelPath);
  return wheelPath;
}
