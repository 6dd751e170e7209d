import { stat } from 'node:fs/promises';
import path from 'node:path';
import { MediaInfoSchema, probeMedia } from '@bollyx/job-config';
import type { MediaInfo } from '@bollyx/job-config';
import { cacheKey, readCached, writeCached } from './check-cache';

/**
 * What ffprobe finds in the media, probed once per run and cached by the file's path, size and mtime,
 * so a repeated preflight on the same film starts no ffprobe. Throws probeMedia's typed errors.
 */
export function mediaProbe(mediaPath: string, options: { cacheDir: string; signal?: AbortSignal }): () => Promise<MediaInfo> {
  let probed: Promise<MediaInfo> | undefined;
  const probe = async (): Promise<MediaInfo> => {
    const file = path.resolve(mediaPath);
    const info = await stat(file).catch(() => undefined);
    const key = info && cacheKey('media-info', { file, size: info.size, mtimeMs: info.mtimeMs });
    const cached = key === undefined ? null : await readCached(options.cacheDir, key, MediaInfoSchema);
    if (cached) return cached;
    const found = await probeMedia(file, { signal: options.signal });
    if (key !== undefined) await writeCached(options.cacheDir, key, found);
    return found;
  };
  return () => (probed ??= probe());
}
