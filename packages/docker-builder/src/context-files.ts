import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import { ImageContextMissingError, ImageGraphInvalidError } from './docker-errors';
import type { ContextEntry } from './image-graph';

/** One file of a build context, with what identifies its content. */
export interface ContextFile {
  /** Inside the context, `/`-separated. */
  path: string;
  source: { from: string } | { text: string };
  /** Only the executable bit of the mode matters to an image (COPY keeps it). */
  executable: boolean;
  sha256: string;
  size: number;
}

function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

async function hostFile(path: string, from: string): Promise<ContextFile> {
  const info = await stat(from);
  return { path, source: { from }, executable: (info.mode & 0o111) !== 0, sha256: await sha256OfFile(from), size: info.size };
}

/** Files hashed at once: enough to keep the disk busy, few enough for the open-file limit. */
const PARALLEL_READS = 16;

/** Every file below `folder`, relative to it, with its hash, in a stable order. */
async function filesBelow(folder: string): Promise<Array<Omit<ContextFile, 'path'> & { relative: string }>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const files: Array<Omit<ContextFile, 'path'> & { relative: string }> = [];
  for (let start = 0; start < paths.length; start += PARALLEL_READS) {
    const batch = await Promise.all(paths.slice(start, start + PARALLEL_READS).map((file) => hostFile('', file)));
    for (const [index, file] of batch.entries()) files.push({ ...file, relative: relative(folder, paths[start + index]!).split(sep).join('/') });
  }
  return files;
}

/** Folder listings already hashed in this planning run, by host path: two images may copy one folder. */
export type FolderListings = Map<string, ReturnType<typeof filesBelow>>;

/**
 * Expands the entries of an image's context into files (folders walked), each with its sha256.
 * `listings` shares the walk of a folder between images.
 */
export async function listContextFiles(image: string, entries: readonly ContextEntry[], listings: FolderListings = new Map()): Promise<ContextFile[]> {
  const files: ContextFile[] = [];
  for (const entry of entries) {
    if ('text' in entry) {
      const bytes = Buffer.from(entry.text);
      files.push({ path: entry.path, source: { text: entry.text }, executable: false, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
      continue;
    }
    const info = await stat(entry.from).catch((error: unknown) => {
      throw new ImageContextMissingError(image, entry.from, error);
    });
    if (!info.isDirectory()) {
      files.push(await hostFile(entry.path, entry.from));
      continue;
    }
    let listing = listings.get(entry.from);
    if (listing === undefined) {
      listing = filesBelow(entry.from);
      listings.set(entry.from, listing);
    }
    for (const { relative: inside, ...file } of await listing) files.push({ ...file, path: posix.join(entry.path, inside) });
  }
  const paths = files.map((file) => file.path);
  const repeated = paths.filter((path, index) => paths.indexOf(path) !== index);
  if (repeated.length > 0) throw new ImageGraphInvalidError([`${image}'s context has ${[...new Set(repeated)].join(', ')} more than once`]);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** One digest for a whole context: paths, executable bits and contents, in path order. */
export function contextDigest(files: readonly ContextFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\0${file.executable ? 'x' : '-'}\0${file.sha256}\n`);
  return hash.digest('hex');
}

/** Writes the context files into `dir` (which exists and is empty). */
export async function writeContextFiles(files: readonly ContextFile[], dir: string): Promise<void> {
  const targets = files.map((file) => join(dir, ...file.path.split('/')));
  for (const folder of new Set(targets.map((target) => dirname(target)))) await mkdir(folder, { recursive: true });
  for (let start = 0; start < files.length; start += PARALLEL_READS) {
    await Promise.all(
      files.slice(start, start + PARALLEL_READS).map(async (file, index) => {
        const target = targets[start + index]!;
        if ('text' in file.source) await writeFile(target, file.source.text);
        else await copyFile(file.source.from, target);
        await chmod(target, file.executable ? 0o755 : 0o644);
      }),
    );
  }
}
