import { lstat, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { JobNotRemovableError } from './errors';
import { JobOwnerSchema, ownerState, readJobOwner, type JobOwner } from './job-owner';
import { JOB_FILE_NAME, JOB_ID_PATTERN } from './job-schema';
import { DEFAULT_WORKSPACE, jobsDirOf } from './workspace';

/**
 * A folder without an owner mark (made by a bollyx from before the mark) is abandoned once nothing in it
 * changed for this long: a copy still running keeps touching its partial file.
 */
const UNOWNED_STALE_MS = 60 * 60 * 1000;

const IncompleteJobSchema = z.object({
  id: z.string().regex(JOB_ID_PATTERN),
  dir: z.string(),
  /** What removing the folder frees: its files, less those hard-linked elsewhere (a linked movie is the user's). */
  bytes: z.number().int().nonnegative(),
  owner: JobOwnerSchema.optional(),
});

export const CleanJobsResultSchema = z.object({
  /** Incomplete folders removed (or, in a dry run, that would be): their owner is dead, or unowned and untouched for an hour. */
  removed: z.array(IncompleteJobSchema.extend({ reason: z.enum(['owner-dead', 'unowned-stale']) })),
  /** Incomplete folders left alone: still being prepared here, by another host, or unowned but changed within the hour. */
  kept: z.array(IncompleteJobSchema.extend({ reason: z.enum(['owner-alive', 'owner-other-host', 'unowned-recent']) })),
});
export type CleanJobsResult = z.infer<typeof CleanJobsResultSchema>;

export interface CleanJobsOptions {
  /** Folder holding `jobs/`; default `./bollyx-work` (see `resolveWorkspace`). */
  workspace?: string;
  /** Report what would be removed, remove nothing. */
  dryRun?: boolean;
  signal?: AbortSignal;
}

interface SweepOptions extends Omit<CleanJobsOptions, 'workspace'> {
  /** Only folders whose owner was preparing this file (absolute); unowned folders are then skipped. */
  source?: string;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** A job.yaml that cannot even be stat'ed (EACCES) is not known to be missing: its folder is left alone. */
const hasJobFile = (dir: string) => stat(path.join(dir, JOB_FILE_NAME)).then(() => true, (error: unknown) => !isMissing(error));

/** Job folders without job.yaml: `incomplete` in `listJobs`, found without reading any job.yaml. */
async function incompleteJobDirs(jobsDir: string): Promise<{ id: string; dir: string }[]> {
  let entries;
  try {
    entries = await readdir(jobsDir, { withFileTypes: true });
  } catch (error) {
    // No jobs folder yet, or a file in the way of one, as in `listJobs`: no jobs.
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  const found = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() && JOB_ID_PATTERN.test(entry.name))
      .map(async ({ name: id }) => {
        const dir = path.join(jobsDir, id);
        return (await hasJobFile(dir)) ? undefined : { id, dir };
      }),
  );
  return found.filter((job) => job !== undefined).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/** The bytes removing a folder frees, and when anything in it last changed. */
async function folderUsage(dir: string): Promise<{ bytes: number; changedMs: number }> {
  const names = await readdir(dir, { recursive: true });
  // A live prepare may rename or remove a file between the listing and its lstat.
  const stats = await Promise.all([dir, ...names.map((name) => path.join(dir, name))].map((file) => lstat(file).catch(() => undefined)));
  let bytes = 0;
  let changedMs = 0;
  for (const info of stats) {
    if (info === undefined) continue;
    if (info.isFile() && info.nlink === 1) bytes += info.size;
    changedMs = Math.max(changedMs, info.mtimeMs);
  }
  return { bytes, changedMs };
}

type Reason = CleanJobsResult['removed' | 'kept'][number]['reason'];
const OWNER_REASONS = { alive: 'owner-alive', dead: 'owner-dead', 'other-host': 'owner-other-host' } as const satisfies Record<ReturnType<typeof ownerState>, Reason>;

function reasonFor(owner: JobOwner | undefined, changedMs: number): Reason {
  if (owner === undefined) return Date.now() - changedMs > UNOWNED_STALE_MS ? 'unowned-stale' : 'unowned-recent';
  return OWNER_REASONS[ownerState(owner)];
}

async function removeJobDir(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true });
  } catch (error) {
    throw new JobNotRemovableError(dir, error);
  }
}

/**
 * Finds the workspace's incomplete job folders and removes the abandoned ones; `prepareJob` calls it with
 * `source` to take back what a killed prepare of the same file left.
 */
export async function sweepJobs(jobsDir: string, options: SweepOptions = {}): Promise<CleanJobsResult> {
  const result: CleanJobsResult = { removed: [], kept: [] };
  for (const { id, dir } of await incompleteJobDirs(jobsDir)) {
    options.signal?.throwIfAborted();
    const owner = await readJobOwner(dir);
    if (options.source !== undefined && owner?.source !== options.source) continue;
    let usage;
    try {
      usage = await folderUsage(dir);
    } catch (error) {
      // Gone since the listing: another clean, or a failed prepare cleaning up after itself.
      if (isMissing(error)) continue;
      throw error;
    }
    const entry = { id, dir, bytes: usage.bytes, ...(owner === undefined ? {} : { owner }) };
    const reason = reasonFor(owner, usage.changedMs);
    if (reason === 'owner-dead' || reason === 'unowned-stale') {
      // Looked at again now that the owner is known dead: it may have written job.yaml before it died.
      if (await hasJobFile(dir)) continue;
      if (!options.dryRun) await removeJobDir(dir);
      result.removed.push({ ...entry, reason });
    } else {
      result.kept.push({ ...entry, reason });
    }
  }
  return result;
}

/**
 * Removes the job folders a killed `prepareJob` left: no job.yaml, and an owner mark whose process is
 * dead on this host (or no mark, from an older bollyx, and nothing changed for an hour). A complete or
 * invalid job, one still being prepared and one prepared from another host are never touched.
 */
export async function cleanJobs(options: CleanJobsOptions = {}): Promise<CleanJobsResult> {
  const { workspace = DEFAULT_WORKSPACE, ...sweep } = options;
  return sweepJobs(jobsDirOf(path.resolve(workspace)), sweep);
}
