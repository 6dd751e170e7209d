import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';

/** How long a cached result stays valid: a day; a change in anything it depends on re-checks sooner. */
const CHECK_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

const CacheEntrySchema = z.object({
  checkedAt: z.iso.datetime(),
  value: z.unknown(),
});

/** The file name a result is kept under: a hash of what was checked and of everything it depends on. */
export function cacheKey(id: string, fingerprint: unknown): string {
  return createHash('sha256').update(JSON.stringify({ id, fingerprint })).digest('hex').slice(0, 32);
}

const entryPath = (dir: string, key: string) => path.join(dir, `${key}.json`);

/** The value cached under `key` if it is younger than the TTL and fits `schema`; anything else reads as null. */
export async function readCached<T>(dir: string, key: string, schema: z.ZodType<T>, now: number = Date.now()): Promise<T | null> {
  try {
    const entry = CacheEntrySchema.safeParse(JSON.parse(await readFile(entryPath(dir, key), 'utf8')));
    if (!entry.success) return null;
    const age = now - Date.parse(entry.data.checkedAt);
    if (!(age >= 0 && age < CHECK_CACHE_TTL_MS)) return null;
    const value = schema.safeParse(entry.data.value);
    return value.success ? value.data : null;
  } catch {
    return null;
  }
}

/** Caches `value` under `key`; a cache that cannot be written costs speed next time, never this answer. */
export async function writeCached(dir: string, key: string, value: unknown): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(entryPath(dir, key), `${JSON.stringify({ checkedAt: new Date().toISOString(), value })}\n`);
  } catch {
    // Read-only or full cache folder: the next preflight checks again.
  }
}
