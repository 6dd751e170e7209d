import { stat } from 'node:fs/promises';
import path from 'node:path';
import { jobConfigFile, loadJob, resolveWorkspace } from '@bollyx/job-config';
import { runPreflight, type PreflightReport, type RunPreflightOptions } from '@bollyx/preflight';
import { configLayer } from './config-layer';
import { detectMachine } from './detect-machine';
import { jobStages } from './job-stages';
import type { RunWarningEvent } from './movie-events';
import { namesJob } from './names-job';

export interface PreflightMovieOptions {
  /** Folder holding `jobs/` and optionally `bollyx.config.yaml` (default: BOLLYX_WORKSPACE, else `./bollyx-work`). */
  workspace?: string;
  /** A config file (or object) to check instead of the workspace's; a prepared job keeps its own. */
  config?: string | Record<string, unknown>;
  /** Check everything again instead of using results cached in the last 24 hours. */
  refresh?: boolean;
  signal?: AbortSignal;
  onWarning?: (warning: RunWarningEvent) => void;
}

type Subject = Pick<RunPreflightOptions, 'config' | 'mediaPath' | 'mediaInfo'>;

/**
 * What `bollyx preflight` checks: a prepared job (its id or folder) with its own config and media; a
 * movie with the config a new job would get (file, environment, this machine's recommendation); with no
 * target, the machine for that config alone. Resolves with every check; `report.ok` false means a run
 * would stop (each failed check names its fix). Passed checks are cached 24 hours.
 */
export async function preflightMovie(target: string | undefined, options: PreflightMovieOptions = {}): Promise<PreflightReport> {
  const { signal } = options;
  const workspace = resolveWorkspace({ workspace: options.workspace, env: process.env });
  const { profile, recommendation } = await detectMachine(workspace, signal);
  const file = target === undefined ? undefined : await stat(target).catch(() => undefined);
  let subject: Subject;
  if (target !== undefined && namesJob(target, file)) {
    const job = await loadJob(target, { workspace });
    if (options.config !== undefined) {
      options.onWarning?.({ type: 'warning', code: 'JOB_CONFIG_KEPT', message: `job ${job.id} keeps the config it was prepared with; ignoring the config given` });
    }
    subject = { config: { resolved: job.config }, mediaPath: path.join(job.dir, job.media.file), mediaInfo: job.media.info };
  } else {
    const configFile = await jobConfigFile(workspace, configLayer(options.config));
    subject = {
      config: { sources: { recommendation, file: configFile, env: process.env } },
      ...(target === undefined ? {} : { mediaPath: path.resolve(target) }),
    };
  }
  return runPreflight({
    ...subject,
    stagesOf: jobStages,
    workspace,
    profile,
    env: process.env,
    ...(options.refresh === undefined ? {} : { refresh: options.refresh }),
    ...(signal === undefined ? {} : { signal }),
  });
}
