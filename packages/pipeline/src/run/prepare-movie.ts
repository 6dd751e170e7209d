import { prepareJob, resolveWorkspace, type Job, type PrepareProgress } from '@bollyx/job-config';
import { configLayer } from './config-layer';
import { detectMachine } from './detect-machine';
import { settingsLayer, type MovieSettings } from './movie-settings';

export interface PrepareMovieOptions extends MovieSettings {
  /** Folder holding `jobs/` and optionally `bollyx.config.yaml` (default: BOLLYX_WORKSPACE, else `./bollyx-work`). */
  workspace?: string;
  /** A config file to use instead of the workspace's `bollyx.config.yaml`, or a config object of the same shape. */
  config?: string | Record<string, unknown>;
  /** Copy the media into the job even where a hard link is possible. */
  copy?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: PrepareProgress) => void;
}

/**
 * What `bollyx prepare` does: checks the movie with ffprobe and makes a job for it (an id, a folder, a
 * validated job.yaml) with this machine's recommendation under the workspace config, the settings and
 * the BOLLYX_* variables. Nothing is created when the config or the media is rejected.
 */
export async function prepareMovie(media: string, options: PrepareMovieOptions = {}): Promise<Job> {
  const { signal } = options;
  const workspace = resolveWorkspace({ workspace: options.workspace, env: process.env });
  const { recommendation } = await detectMachine(workspace, signal);
  return prepareJob(media, {
    workspace,
    configFile: configLayer(options.config),
    recommendation,
    flags: settingsLayer(options),
    env: process.env,
    ...(options.copy === undefined ? {} : { copy: options.copy }),
    ...(signal === undefined ? {} : { signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
}
