import { stat, truncate } from 'node:fs/promises';
import { makeMedia, type MakeMediaOptions } from './make-media';

export interface MakeTruncatedMediaOptions extends MakeMediaOptions {
  /** Share of the file's bytes kept, between 0 and 1 (default 0.5). */
  keepFraction?: number;
}

/**
 * Writes a real media file with makeMedia, then cuts it short, as an interrupted download or recording
 * leaves it. An .mp4 made this way loses its index (the moov box ffmpeg writes at the end).
 */
export async function makeTruncatedMedia(path: string, options: MakeTruncatedMediaOptions): Promise<string> {
  const { keepFraction = 0.5, ...mediaOptions } = options;
  await makeMedia(path, mediaOptions);
  const { size } = await stat(path);
  await truncate(path, Math.floor(size * keepFraction));
  return path;
}
