import { PreflightFailedError } from '@bollyx/preflight';
import { preflightMovie } from '@bollyx/pipeline';
import { defineCommand } from 'citty';
import { WORKSPACE_ARGS } from '../../output/config-flags';
import { writeJsonReport } from '../../output/json-report';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { renderChecks } from './render-checks';
import { VERBS } from '../verbs';

export default defineCommand({
  meta: VERBS.preflight,
  args: {
    target: { type: 'positional', description: 'A film, or the id or folder of a prepared job (default: the workspace config alone)', required: false },
    json: { type: 'boolean', description: 'Print the report as one JSON object' },
    refresh: { type: 'boolean', description: 'Check everything again instead of using results cached in the last 24 hours' },
    ...WORKSPACE_ARGS,
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const report = await preflightMovie(args.target, {
          workspace: args.workspace,
          config: args.config,
          refresh: args.refresh,
          signal,
          onWarning: (warning) => process.stderr.write(`bollyx: warning: ${warning.message}\n`),
        });
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
