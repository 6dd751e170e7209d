import type { Stats } from 'node:fs';
import { JOB_ID_PATTERN } from '@bollyx/job-config';

/**
 * Whether a command's target names a prepared job, from what stat found there: a folder, or a job id
 * that is no file. Anything else is media, so a mistyped movie path is reported as missing media
 * rather than as an unknown job.
 */
export function namesJob(target: string, found: Stats | undefined): boolean {
  return found?.isDirectory() === true || (found === undefined && JOB_ID_PATTERN.test(target));
}
