import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

function splitName(finalPath: string): { stem: string; ext: string } {
  const ext = extname(finalPath);
  return { stem: basename(finalPath, ext), ext };
}

/**
 * Where an attempt writes an output before it is renamed into place: beside it (same file system, so the
 * rename is atomic), keeping the extension because tools like ffmpeg pick the format from it.
 */
export function partialPath(finalPath: string, runId: string): string {
  const { stem, ext } = splitName(finalPath);
  return join(dirname(finalPath), `${stem}.partial-${runId}${ext}`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Deletes the partial outputs that killed runs left beside these final paths; the job lock makes every one stale. */
export async function removeStalePartials(finalPaths: readonly string[]): Promise<void> {
  const byDir = new Map<string, RegExp[]>();
  for (const finalPath of finalPaths) {
    const { stem, ext } = splitName(finalPath);
    const patterns = byDir.get(dirname(finalPath)) ?? [];
    patterns.push(new RegExp(`^${escape(stem)}\\.partial-[a-z0-9]+${escape(ext)}$`));
    byDir.set(dirname(finalPath), patterns);
  }
  for (const [dir, patterns] of byDir) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue; // no folder, no partials
    }
    for (const name of names.filter((entry) => patterns.some((pattern) => pattern.test(entry)))) {
      await rm(join(dir, name), { force: true });
    }
  }
}
