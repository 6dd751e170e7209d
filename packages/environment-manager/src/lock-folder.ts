import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from '@bollyx/errors';

export interface LockFolderOptions {
  signal?: AbortSignal;
  /** Called once when another live process holds the lock and this one starts waiting. */
  onWait?: (holderPid: number | undefined) => void;
  pollMs?: number;
}

// A lock folder with no pid file this old belongs to a process that died between mkdir and writing it.
const ORPHAN_AFTER_MS = 60_000;

async function isStale(lockDir: string): Promise<{ stale: boolean; holderPid: number | undefined }> {
  const pid = Number.parseInt(await readFile(path.join(lockDir, 'pid'), 'utf8').catch(() => ''), 10);
  if (Number.isInteger(pid)) return { stale: !isProcessAlive(pid), holderPid: pid };
  const age = await stat(lockDir).then((info) => Date.now() - info.mtimeMs, () => 0);
  return { stale: age > ORPHAN_AFTER_MS, holderPid: undefined };
}

/**
 * Runs `body` while holding a lock folder, so two processes (parallel test runs, two terminals) never
 * work on the same thing at once: one CMake build folder, one Python environment. A lock left by a dead
 * process is taken over.
 */
export async function withLockFolder<T>(lockDir: string, options: LockFolderOptions, body: () => Promise<T>): Promise<T> {
  let waiting = false;
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const { stale, holderPid } = await isStale(lockDir);
    if (stale) {
      await rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!waiting) options.onWait?.(holderPid);
    waiting = true;
    await sleep(options.pollMs ?? 500, undefined, { signal: options.signal });
  }
  try {
    await writeFile(path.join(lockDir, 'pid'), String(process.pid));
    return await body();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
