import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { isProcessAlive } from '@bollyx/errors';
import { z } from 'zod';
import { PipelineLockedError } from './errors';

const lockSchema = z.object({
  pid: z.number().int(),
  hostname: z.string(),
  runId: z.string(),
  startedAt: z.string(),
});

async function readHolder(lockPath: string): Promise<z.infer<typeof lockSchema> | undefined> {
  try {
    const parsed = lockSchema.safeParse(JSON.parse(await readFile(lockPath, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the job folder for one run: a lock file created exclusively, holding our pid. A lock whose pid is
 * dead on this host (a killed runner) is stale and taken over. Returns the release function.
 */
export async function acquireJobLock(lockPath: string, runId: string): Promise<() => Promise<void>> {
  const holder = { pid: process.pid, hostname: hostname(), runId, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt += 1) {
    try {
      await writeFile(lockPath, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = await readHolder(lockPath);
      // An unreadable lock may be one being written this instant: only a dead pid on this host is stale.
      const stale = current !== undefined && current.hostname === holder.hostname && !isProcessAlive(current.pid);
      if (!stale || attempt > 0) {
        throw new PipelineLockedError(lockPath, current ?? { pid: -1, hostname: 'unknown', runId: 'unknown', startedAt: 'unknown' });
      }
      await unlink(lockPath).catch(() => undefined);
    }
  }
  return async () => {
    // Only our own lock: never remove one a later runner took over.
    if ((await readHolder(lockPath))?.runId === runId) await unlink(lockPath);
  };
}
