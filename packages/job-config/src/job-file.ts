import { readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { parse, stringify } from 'yaml';
import { version } from '../package.json';
import { toConfigIssues } from './config-issues';
import { describeIssue, JobFileInvalidError, JobIncompleteError } from './errors';
import { JOB_FILE_NAME, JobFileSchema, type JobFile } from './job-schema';
import { yamlErrorReason } from './yaml-error-reason';

/** Where editors fetch the schema of job.yaml for completion and checks (the published package's copy). */
export const JOB_FILE_SCHEMA_URL = `https://unpkg.com/@bollyx/job-config@${version}/schema/job.schema.json`;

export async function writeJobFile(dir: string, job: JobFile): Promise<void> {
  const text = [
    `# yaml-language-server: $schema=${JOB_FILE_SCHEMA_URL}`,
    `# bollyx job ${job.id}: what was prepared and the resolved config the pipeline runs with.`,
    stringify(job, { lineWidth: 0 }),
  ].join('\n');
  await writeFileAtomic(path.join(dir, JOB_FILE_NAME), text);
}

/** The job.yaml of a job folder, validated. */
export async function readJobFile(dir: string): Promise<JobFile> {
  const file = path.join(dir, JOB_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new JobIncompleteError(dir);
    // EACCES, EISDIR, …: one bad job folder must not break listing the others.
    throw new JobFileInvalidError(file, `it cannot be read (${code ?? String(error)})`, error);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new JobFileInvalidError(file, yamlErrorReason(error as Error), error);
  }
  const parsed = JobFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new JobFileInvalidError(file, toConfigIssues(parsed.error, data).map(describeIssue).join('; '));
  }
  return parsed.data;
}
