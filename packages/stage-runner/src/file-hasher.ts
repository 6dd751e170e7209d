import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { fileSystemError } from '@bollyx/errors';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';

const hashCacheSchema = z.object({
  version: z.literal(1),
  files: z.record(
    z.string(),
    z.object({ size: z.number(), mtimeMs: z.number(), ino: z.number(), sha256: z.string() }),
  ),
});
type HashCacheEntry = z.infer<typeof hashCacheSchema>['files'][string];

export interface FileDigest {
  size: number;
  sha256: string;
}

/** Re-hashing this much again costs more than writing the cache file: save it before going on. */
const SAVE_AFTER_BYTES = 64 * 1024 * 1024;

async function sha256File(path: string, size: number, signal: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  // Large chunks for a movie (hashed at disk speed, not 64 KiB a call), no 1 MiB buffer for a small file.
  const stream = createReadStream(path, { highWaterMark: Math.min(1 << 20, Math.max(size, 64 * 1024)) });
  for await (const chunk of stream) {
    if (signal.aborted) {
      stream.destroy();
      throw signal.reason;
    }
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/**
 * sha256 of files, remembered by (path, size, mtime, inode) in memory and in a small JSON file in the job's
 * manifests folder, so a re-run does not re-read a movie whose metadata did not change. `rehash` ignores
 * what was remembered and reads every file again.
 */
export class FileHasher {
  private readonly pending = new Map<string, { stamp: string; digest: Promise<FileDigest> }>();
  private dirty = false;
  private unsavedBytes = 0;

  private constructor(
    private readonly cachePath: string,
    private readonly entries: Map<string, HashCacheEntry>,
    private readonly rehash: boolean,
  ) {}

  static async load(cachePath: string, options: { rehash: boolean }): Promise<FileHasher> {
    let files: Record<string, HashCacheEntry> = {};
    try {
      const parsed = hashCacheSchema.safeParse(JSON.parse(await readFile(cachePath, 'utf8')));
      if (parsed.success) files = parsed.data.files;
    } catch {
      // Absent or unreadable: it is only a cache, every file simply gets hashed.
    }
    return new FileHasher(cachePath, new Map(Object.entries(files)), options.rehash);
  }

  /** The digest of the file at the absolute path `path`; throws ENOENT when it is missing. */
  async digest(path: string, signal: AbortSignal): Promise<FileDigest> {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error(`${path} is not a file`), { code: 'EISDIR' });
    const stamp = `${info.size}:${info.mtimeMs}:${info.ino}`;
    const known = this.pending.get(path);
    if (known?.stamp === stamp) return known.digest;
    const remembered = this.entries.get(path);
    const digest =
      !this.rehash && remembered && `${remembered.size}:${remembered.mtimeMs}:${remembered.ino}` === stamp
        ? Promise.resolve({ size: remembered.size, sha256: remembered.sha256 })
        : sha256File(path, info.size, signal).then((sha256) => {
            this.entries.set(path, { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, sha256 });
            this.dirty = true;
            this.unsavedBytes += info.size;
            return { size: info.size, sha256 };
          });
    this.pending.set(path, { stamp, digest });
    digest.catch(() => this.pending.delete(path));
    return digest;
  }

  /** Saves now if losing what was hashed since the last save would be costly (a crash would redo it). */
  async saveIfCostly(): Promise<void> {
    if (this.unsavedBytes >= SAVE_AFTER_BYTES) await this.save();
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    this.unsavedBytes = 0;
    const files = Object.fromEntries([...this.entries].sort(([a], [b]) => a.localeCompare(b)));
    // No fsync: a lost or torn cache only costs a re-hash. For that reason a full disk or a read-only job
    // folder does not fail the run here: the stage that met it reports it.
    await writeFileAtomic(this.cachePath, `${JSON.stringify({ version: 1, files })}\n`, { fsync: false }).catch((error: unknown) => {
      if (fileSystemError(error, { path: this.cachePath }) === undefined) throw error;
    });
  }
}
