import { createReadStream, createWriteStream } from 'node:fs';
import { link, rename } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { partialPathOf } from './partial-path';

export interface PlaceMediaOptions {
  /** Copy even where a hard link is possible. */
  copy?: boolean;
  sizeBytes: number;
  signal?: AbortSignal;
  /** Share of the bytes copied, 0 to 1; called at most once per percent. */
  onProgress?: (fraction: number) => void;
}

async function copyWithProgress(source: string, destination: string, options: PlaceMediaOptions): Promise<void> {
  // Copied under a temporary name and renamed: media/ never holds a partial file under the real name.
  const partial = partialPathOf(destination);
  let copied = 0;
  let reported = -1;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      copied += chunk.length;
      const percent = options.sizeBytes === 0 ? 100 : Math.floor((copied / options.sizeBytes) * 100);
      if (percent > reported) {
        reported = percent;
        options.onProgress?.(percent / 100);
      }
      callback(null, chunk);
    },
  });
  // 1 MiB reads: the default 64 KiB makes a film's copy a third slower in JavaScript round trips.
  const reader = createReadStream(source, { highWaterMark: 1024 * 1024 });
  await pipeline(reader, counter, createWriteStream(partial, { flags: 'wx' }), { signal: options.signal });
  await rename(partial, destination);
}

/**
 * Puts the user's file into the job as `destination` without touching it: a hard link (instant, no
 * space) where the file system allows, else a copy. Returns which one it made.
 */
export async function placeMedia(source: string, destination: string, options: PlaceMediaOptions): Promise<'hardlink' | 'copy'> {
  if (!options.copy) {
    try {
      await link(source, destination);
      options.onProgress?.(1);
      return 'hardlink';
    } catch {
      // Another file system (EXDEV), no hard links there (EPERM, ENOTSUP) or too many links: copy instead.
    }
  }
  await copyWithProgress(source, destination, options);
  return 'copy';
}
