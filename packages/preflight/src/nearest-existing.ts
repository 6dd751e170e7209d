import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** The folder itself, or the nearest existing path above it (where it would be created), with its stats. */
export async function nearestExisting(folder: string): Promise<{ path: string; stats: Stats | undefined }> {
  let current = path.resolve(folder);
  for (;;) {
    const stats = await stat(current).catch(() => undefined);
    if (stats) return { path: current, stats };
    const parent = path.dirname(current);
    if (parent === current) return { path: current, stats: undefined };
    current = parent;
  }
}
