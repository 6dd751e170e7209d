import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { isProcessAlive } from '@bollyx/errors';
import { z } from 'zod';

/**
 * The file a job folder holds while `prepareJob` fills it, in the format of the pipeline's `pipeline.lock`
 * (pid, hostname, start) plus the source: a folder left by a killed prepare is told from one still being
 * filled, and the next prepare of the same file finds it.
 */
const OWNER_FILE_NAME = 'prepare.lock';

export const JobOwnerSchema = z.object({
  pid: z.number().int(),
  hostname: z.string(),
  startedAt: z.string(),
  /** The media file being prepared, absolute (`source.path` of the job.yaml to come). */
  source: z.string(),
});
export type JobOwner = z.infer<typeof JobOwnerSchema>;

/** Marks a freshly reserved job folder as being prepared by this process. */
export async function claimJobDir(dir: string, source: string): Promise<void> {
  const owner: JobOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), source };
  await writeFile(path.join(dir, OWNER_FILE_NAME), `${JSON.stringify(owner)}\n`, { flag: 'wx' });
}

/** Removes the mark once job.yaml is in place: the job is complete. */
export async function releaseJobDir(dir: string): Promise<void> {
  await rm(path.join(dir, OWNER_FILE_NAME), { force: true });
}

/** The folder's owner; undefined when it has none (or a mark cut short by a kill while it was written). */
export async function readJobOwner(dir: string): Promise<JobOwner | undefined> {
  try {
    const parsed = JobOwnerSchema.safeParse(JSON.parse(await readFile(path.join(dir, OWNER_FILE_NAME), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the owner still runs, as stage-runner's job lock decides it: a pid is only checked on its own
 * host; on another one (a workspace shared over the network) the owner is never taken for dead.
 */
export function ownerState(owner: JobOwner): 'alive' | 'dead' | 'other-host' {
  if (owner.hostname !== hostname()) return 'other-host';
  return isProcessAlive(owner.pid) ? 'alive' : 'dead';
}
