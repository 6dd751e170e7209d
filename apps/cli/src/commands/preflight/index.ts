import { stat } from 'node:fs/promises';
import path from 'node:path';
import { jobConfigFile, loadJob, resolveWorkspace } from '@bollyx/job-config';
import { PreflightFailedError, runPreflight } from '@bollyx/preflight';
import type { RunPreflightOptions } from '@bollyx/preflight';
import type { Recommendation } from '@bollyx/hardware-detection';
import { defineCommand } from 'citty';
import { detectMachine } from '../../hardware/detect-machine';
import { WORKSPACE_ARGS } from '../../output/config-flags';
import { writeJsonReport } from '../../output/json-report';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { jobStages } from '../../pipeline/job-stages';
import { namesJob } from '../../pipeline/names-job';
import { renderChecks } from './render-checks';

type Subject = Pick<RunPreflightOptions, 'config' | 'mediaPath' | 'mediaInfo'>;

/**
 * What to check for: a prepared job (its id or folder) keeps its own config and media; a film is checked
 * with the config a new job would get (file, environment, this machine's recommendation); nothing at all
 * checks the machine for that config alone.
 */
async function subjectOf(target: string | undefined, options: { workspace: string; configFile: string | undefined; recommendation: Recommendation }): Promise<Subject> {
  const file = target === undefined ? undefined : await stat(target).catch(() => undefined);
  if (target !== undefined && namesJob(target, file)) {
    const job = await loadJob(target, { workspace: options.workspace });
    if (options.configFile !== undefined) {
      process.stderr.write(`bollyx: warning: job ${job.id} keeps the config it was prepared with; ignoring --config\n`);
    }
    return { config: { resolved: job.config }, mediaPath: path.join(job.dir, job.media.file), mediaInfo: job.media.info };
  }
  const configFile = await jobConfigFile(options.workspace, options.configFile);
  return {
    config: { sources: { recommendation: options.recommendation, file: configFile, env: process.env } },
    ...(target === undefined ? {} : { mediaPath: path.resolve(target) }),
  };
}

export default defineCommand({
  meta: {
    name: 'preflight',
    description: 'Check this machine before a job: tools, engine, environments, models, disk, config, secrets (cached 24 h)',
  },
  args: {
    target: { type: 'positional', description: 'A film, or the id or folder of a prepared job (default: the workspace config alone)', required: false },
    json: { type: 'boolean', description: 'Print the report as one JSON object' },
    refresh: { type: 'boolean', description: 'Check everything again instead of using results cached in the last 24 hours' },
    ...WORKSPACE_ARGS,
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const workspace = resolveWorkspace({ workspace: args.workspace, env: process.env });
        const { profile, recommendation } = await detectMachine(workspace, signal);
        const subject = await subjectOf(args.target, { workspace, configFile: args.config, recommendation });
        const report = await runPreflight({ ...subject, stagesOf: jobStages, workspace, profile, env: process.env, refresh: args.refresh, signal });
        const failure = report.ok ? undefined : new PreflightFailedError(report.checks.filter((check) => !check.ok));
        if (args.json) {
          writeJsonReport(report, failure);
          return;
        }
        process.stdout.write(renderChecks(report.checks));
        if (failure) throw failure;
      }),
    ),
});
