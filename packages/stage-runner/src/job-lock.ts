import { readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { isProcessAlive } from '@bollyx/errors';
import { z } from 'zod';
import { PipelineLockedError } from './errors';
import { hostIdentity } from './host-identity';

const lockSchema = z.object({
  pid: z.number().int(),
  hostname: z.string(),
  /** Linux's boot id of the holder's machine; absent in locks from other systems and older versions. */
  bootId: z.string().optional(),
  runId: z.string(),
  startedAt: z.string(),
});
type LockHolder = z.infer<typeof lockSchema>;

/** A lock from another machine whose heartbeat is older than this is taken over (its holder died with its machine). */
export const DEFAULT_LOCK_STALE_MS = 2 * 60 * 1000;

async function readHolder(lockPath: string): Promise<(LockHolder & { heartbeatAt: number }) | undefined> {
  try {
    const parsed = lockSchema.safeParse(JSON.parse(await readFile(lockPath, 'utf8')));
    // The heartbeat is the lock file's mtime, which the holder keeps touching.
    return parsed.success ? { ...parsed.data, heartbeatAt: (await stat(lockPath)).mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the holder is gone: on this machine (same host name and boot), when its pid is dead or the
 * machine rebooted since; on another machine, whose pids we cannot see, when its heartbeat is older than `staleMs`.
 */
function isStale(holder: LockHolder & { heartbeatAt: number }, self: LockHolder, staleMs: number): boolean {
  if (holder.hostname !== self.hostname) return Date.now() - holder.heartbeatAt > staleMs;
  if (holder.bootId !== undefined && self.bootId !== undefined && holder.bootId !== self.bootId) return true;
  return !isProcessAlive(holder.pid);
}

/**
 * Takes the job folder for one run: a lock file created exclusively, holding our host name, boot id and pid,
 * whose mtime we refresh as a heartbeat (every quarter of `staleMs`, at most every 10 s). A stale lock (see
 * isStale) is taken over. Returns the release function, which stops the heartbeat.
 */
export async function acquireJobLock(lockPath: string, runId: string, staleMs = DEFAULT_LOCK_STALE_MS): Promise<() => Promise<void>> {
  const { hostname, bootId } = hostIdentity();
  const holder: LockHolder = { pid: process.pid, hostname, ...(bootId === undefined ? {} : { bootId }), runId, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt += 1) {
    try {
      await writeFile(lockPath, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = await readHolder(lockPath);
      // An unreadable lock may be one being written this instant: it is never stale.
      if (current === undefined || !isStale(current, holder, staleMs) || attempt > 0) {
        const { heartbeatAt, ...shown } = current ?? { pid: -1, hostname: 'unknown', runId: 'unknown', startedAt: 'unknown', heartbeatAt: undefined };
        const foreign = current !== undefined && current.hostname !== hostname;
        throw new PipelineLockedError(lockPath, shown, foreign && heartbeatAt !== undefined ? { heartbeatAgeMs: Date.now() - heartbeatAt, staleMs } : undefined);
      }
      await unlink(lockPath).catch(() => undefined);
    }
  }
  const heartbeat = setInterval(
    () => {
      const now = new Date();
      // Failing or touching a lock another runner took over meanwhile (we froze past staleMs) is harmless.
      utimes(lockPath, now, now).catch(() => undefined);
    },
    Math.max(50, Math.min(10_000, staleMs / 4)),
  );
  heartbeat.unref();
  return async () => {
    clearInterval(heartbeat);
    // Only our own lock: never remove one a later runner took over.
    if ((await readHolder(lockPath))?.runId === runId) await unlink(lockPath);
  };
}
