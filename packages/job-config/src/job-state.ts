import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { JobState } from './job-schema';

/** The names in a folder, ignoring hidden ones (partial files); none when the folder is missing. */
async function visibleEntries(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => !name.startsWith('.'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The state of a job whose job.yaml is valid, from its folders: files in `output/` mean it has
 * outputs; a stage manifest (`manifests/*.json`, written by the pipeline when a stage finishes) means
 * it has started; otherwise it is prepared.
 */
export async function jobStateOf(dir: string): Promise<Extract<JobState, 'prepared' | 'started' | 'has-outputs'>> {
  if ((await visibleEntries(path.join(dir, 'output'))).length > 0) return 'has-outputs';
  if ((await visibleEntries(path.join(dir, 'manifests'))).some((name) => name.endsWith('.json'))) return 'started';
  return 'prepared';
}
