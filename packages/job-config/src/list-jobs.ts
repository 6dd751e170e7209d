import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isBollyxError } from '@bollyx/errors';
import { readJobFile } from './job-file';
import { JOB_ID_PATTERN, type JobFile, type JobState } from './job-schema';
import { jobStateOf } from './job-state';
import { jobsDirOf } from './workspace';

/** A job folder in a workspace: its job.yaml when it has a valid one, else what is wrong with it. */
export interface ListedJob {
  id: string;
  dir: string;
  state: JobState;
  job?: JobFile;
  /** Why the job is `incomplete` or `invalid`. */
  problem?: string;
}

/**
 * Every job folder of a workspace, oldest first, each with its state. Folders being prepared or with a
 * broken job.yaml are listed too (as `incomplete` and `invalid`), so nothing on disk goes unseen.
 */
export async function listJobs(workspace: string): Promise<ListedJob[]> {
  const jobsDir = jobsDirOf(path.resolve(workspace));
  let entries;
  try {
    entries = await readdir(jobsDir, { withFileTypes: true });
  } catch (error) {
    // No jobs folder yet, or a file in the way of one: preparing a job says which.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
  const ids = entries
    .filter((entry) => entry.isDirectory() && JOB_ID_PATTERN.test(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return Promise.all(
    ids.map(async (id): Promise<ListedJob> => {
      const dir = path.join(jobsDir, id);
      try {
        const job = await readJobFile(dir);
        return { id, dir, state: await jobStateOf(dir), job };
      } catch (error) {
        if (!isBollyxError(error)) throw error;
        return { id, dir, state: error.code === 'JOB_INCOMPLETE' ? 'incomplete' : 'invalid', problem: error.message };
      }
    }),
  );
}
