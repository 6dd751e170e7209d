import { stat } from 'node:fs/promises';
import path from 'node:path';
import { JobNotFoundError } from './errors';
import { readJobFile } from './job-file';
import { JOB_ID_PATTERN, type Job } from './job-schema';
import { jobStateOf } from './job-state';
import { DEFAULT_WORKSPACE, jobsDirOf } from './workspace';

export interface LoadJobOptions {
  /** Where a job id is looked up; default `./bollyx-work` (see `resolveWorkspace`). */
  workspace?: string;
}

/**
 * A job by id (`20250131-0001`, looked up in the workspace) or by folder, with its job.yaml validated
 * and its state. Throws JOB_NOT_FOUND, JOB_INCOMPLETE (no job.yaml yet) or JOB_FILE_INVALID.
 */
export async function loadJob(idOrDir: string, options: LoadJobOptions = {}): Promise<Job> {
  const workspace = path.resolve(options.workspace ?? DEFAULT_WORKSPACE);
  const dir = JOB_ID_PATTERN.test(idOrDir) ? path.join(jobsDirOf(workspace), idOrDir) : path.resolve(idOrDir);
  const stats = await stat(dir).catch(() => undefined);
  if (!stats?.isDirectory()) throw new JobNotFoundError(idOrDir, workspace);
  const job = await readJobFile(dir);
  return { ...job, dir, state: await jobStateOf(dir) };
}
