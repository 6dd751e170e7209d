import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** The extensions a folder's films and audio files are found by (an explicitly named file needs none). */
export const MEDIA_EXTENSIONS: ReadonlySet<string> = new Set([
  ...['.mp4', '.mkv', '.mov', '.avi', '.webm', '.m4v', '.ts', '.mts', '.m2ts', '.wmv', '.flv', '.mpg', '.mpeg'],
  ...['.wav', '.mp3', '.m4a', '.aac', '.flac', '.ogg', '.opus', '.wma'],
]);

export interface FindMediaOptions {
  /** Look into the folders' subfolders too. */
  recursive?: boolean;
  /** Folders never searched: the workspace (its jobs hold copies of the films and the muxed videos) and the output folder. */
  exclude?: readonly string[];
}

const inside = (file: string, folder: string) => {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * The media a batch works on, as absolute paths, sorted and without repeats: every named file as it is
 * (ffprobe judges it later), and the files of every named folder with a media extension. Hidden files
 * (partial copies) are skipped. A name that does not exist is kept, so it is reported as not found.
 */
export async function findMedia(inputs: readonly string[], options: FindMediaOptions = {}): Promise<string[]> {
  const excluded = (options.exclude ?? []).map((folder) => path.resolve(folder));
  const found = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(input);
    const info = await stat(absolute).catch(() => undefined);
    if (!info?.isDirectory()) {
      found.add(absolute);
      continue;
    }
    const entries = await readdir(absolute, { withFileTypes: true, recursive: options.recursive ?? false });
    for (const entry of entries) {
      const file = path.join(entry.parentPath, entry.name);
      if (!entry.isFile() || path.relative(absolute, file).split(path.sep).some((part) => part.startsWith('.'))) continue;
      if (!MEDIA_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) continue;
      if (excluded.some((folder) => inside(file, folder))) continue;
      found.add(file);
    }
  }
  return [...found].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
