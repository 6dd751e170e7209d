import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import envPaths from 'env-paths';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { HardwareProfileSchema, type HardwareProfile } from './schema';

const CACHE_FILE_NAME = 'hardware-profile.json';

const CacheFileSchema = z.object({
  schemaVersion: z.literal(1),
  profile: HardwareProfileSchema,
});

/** `BOLLYX_CACHE_DIR`, else the user cache folder (~/.cache/bollyx, ~/Library/Caches/bollyx, %LOCALAPPDATA%). */
function defaultCacheDir(): string {
  return process.env.BOLLYX_CACHE_DIR || envPaths('bollyx', { suffix: '' }).cache;
}

export function profileCachePath(cacheDir: string = defaultCacheDir()): string {
  return path.join(cacheDir, CACHE_FILE_NAME);
}

/**
 * The cached profile if it was written on this machine less than `ttlMs` ago. Missing, corrupt, foreign
 * and stale caches all read as null, so the caller detects again and overwrites them.
 */
export async function readCachedProfile(
  file: string,
  fingerprint: string,
  ttlMs: number,
  now: number = Date.now(),
): Promise<HardwareProfile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = CacheFileSchema.safeParse(json);
  if (!parsed.success) return null;
  const { profile } = parsed.data;
  const age = now - Date.parse(profile.detectedAt);
  if (profile.fingerprint !== fingerprint || !(age >= 0 && age < ttlMs)) return null;
  return profile;
}

export async function writeCachedProfile(file: string, profile: HardwareProfile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify({ schemaVersion: 1, profile }, null, 2)}\n`);
}
