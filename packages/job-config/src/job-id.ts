import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** `YYYYMMDD` in local time: the day the user sees on their clock. */
function localDate(now: Date): string {
  return `${now.getFullYear()}${pad(now.getMonth() + 1, 2)}${pad(now.getDate(), 2)}`;
}

/**
 * Reserves the next free job id of the day by creating its folder. `mkdir` without `recursive` fails
 * with EEXIST when another process took the id first, so concurrent callers never share one.
 */
export async function reserveJobDir(jobsDir: string, now: Date = new Date()): Promise<{ id: string; dir: string }> {
  const prefix = `${localDate(now)}-`;
  const numbers = (await readdir(jobsDir))
    .filter((name) => name.startsWith(prefix))
    .map((name) => Number(name.slice(prefix.length)))
    .filter((value) => Number.isInteger(value));
  for (let next = Math.max(0, ...numbers) + 1; ; next += 1) {
    const id = `${prefix}${pad(next, 4)}`;
    const dir = path.join(jobsDir, id);
    try {
      await mkdir(dir);
      return { id, dir };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
