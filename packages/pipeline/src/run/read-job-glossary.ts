import { stat } from 'node:fs/promises';
import path from 'node:path';
import { JobNotFoundError, listJobs, loadJob, resolveWorkspace } from '@bollyx/job-config';
import { GlossaryNotFoundError, readJobGlossaryFile, type Glossary } from '@bollyx/names';
import { LAYOUT } from '../graph/pipeline-layout';
import { namesJob } from './names-job';

export interface ReadJobGlossaryOptions {
  /** Folder holding `jobs/` (default: BOLLYX_WORKSPACE, else `./bollyx-work`). */
  workspace?: string;
}

/**
 * A job's glossary (`names/glossary.json`, as the names stage wrote it or a user edited it). `target` is
 * a job id or folder, or a movie: then the newest job made from that file. Throws JobNotFoundError,
 * GlossaryNotFoundError (the names stage has not run) or GlossaryFileError (a broken hand edit).
 */
export async function readJobGlossary(target: string, options: ReadJobGlossaryOptions = {}): Promise<{ jobId: string; jobDir: string; file: string; glossary: Glossary }> {
  const workspace = resolveWorkspace({ workspace: options.workspace, env: process.env });
  const found = await stat(target).catch(() => undefined);
  let jobDir: string;
  let jobId: string;
  if (namesJob(target, found)) {
    const job = await loadJob(target, { workspace });
    [jobDir, jobId] = [job.dir, job.id];
  } else {
    const source = path.resolve(target);
    const newest = (await listJobs(workspace)).reverse().find(({ job }) => job?.source.path === source);
    if (newest?.job === undefined) throw new JobNotFoundError(target, workspace);
    [jobDir, jobId] = [newest.dir, newest.job.id];
  }
  const file = path.join(jobDir, LAYOUT.glossary);
  const glossary = await readJobGlossaryFile(file);
  if (glossary === undefined) throw new GlossaryNotFoundError(jobDir, file);
  return { jobId, jobDir, file, glossary };
}
