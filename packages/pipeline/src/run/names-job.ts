import type { Stats } from 'node:fs';
import path from 'node:path';
import { JOB_ID_PATTERN } from '@bollyx/job-config';

/**
 * Whether a command's target names a prepared job, from what stat found there: a folder named as job
 * folders are (`20261205-0001`), or a job id that is no file. Any other folder (of films, say) and
 * anything else is media, so it is reported as media that is not a file, or as missing media, rather
 * than as a broken job.
 */
export function namesJob(target: string, found: Stats | undefined): boolean {
  if (found?.isDirectory() === true) return JOB_ID_PATTERN.test(path.basename(path.resolve(target)));
  return found === undefined && JOB_ID_PATTERN.test(target);
}
