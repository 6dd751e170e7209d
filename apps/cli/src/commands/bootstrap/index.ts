import { bootstrapMachine } from '@bollyx/pipeline';
import { BootstrapFailedError } from '@bollyx/preflight';
import type { BootstrapItem } from '@bollyx/preflight';
import { defineCommand } from 'citty';
import { WORKSPACE_ARGS } from '../../output/config-flags';
import { writeJsonReport } from '../../output/json-report';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { askToProceed } from './ask-to-proceed';
import { bootstrapProgressView } from './bootstrap-progress';
import { renderItem } from './render-item';
import { VERBS } from '../verbs';

const plural = (count: number) => `${count} item${count === 1 ? '' : 's'}`;

/** The last line: all up to date, what was set up, or what was left undone (declined, models not pulled). */
function summaryLine(items: readonly BootstrapItem[]): string {
  const done = items.filter((item) => item.status === 'done').length;
  const undone = items.filter((item) => item.status === 'skipped' && item.fix !== undefined).length;
  if (undone > 0) return `bollyx: ${plural(undone)} left undone; run the fixes above when you want them\n`;
  return done === 0 ? 'bollyx: everything is up to date\n' : `bollyx: ready (${plural(done)} set up)\n`;
}

export default defineCommand({
  meta: VERBS.bootstrap,
  args: {
    yes: { type: 'boolean', description: 'Do not ask before an engine build, an environment or a download (also when stdin is not a terminal)' },
    json: { type: 'boolean', description: 'Print the report of every step as one JSON object' },
    // Spelt as the flags are typed, so --help shows them that way.
    'cache-models': { type: 'boolean', description: 'Also pull the Hugging Face models of the configured Python backends' },
    'skip-cache': { type: 'boolean', description: 'Pull no models' },
    force: { type: 'boolean', description: 'Redo everything: detect the hardware, rebuild the engine, recreate the environments, pull the models' },
    ...WORKSPACE_ARGS,
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const interactive = !args.yes && process.stdin.isTTY === true;
        const progress = bootstrapProgressView();
        let report;
        try {
          report = await bootstrapMachine({
            workspace: args.workspace,
            config: args.config,
            cacheModels: args['cache-models'],
            skipCache: args['skip-cache'],
            force: args.force,
            signal,
            onProgress: (event) => progress.onProgress(event),
            onStep: (item) => {
              progress.stop();
              if (!args.json) process.stdout.write(renderItem(item));
            },
            confirm: interactive
              ? (work) => {
                  progress.stop();
                  return askToProceed(work, signal);
                }
              : undefined,
          });
        } finally {
          progress.stop();
        }
        const failed = report.items.filter((item) => item.status === 'failed');
        const failure = failed.length > 0 ? new BootstrapFailedError(failed) : undefined;
        if (args.json) {
          writeJsonReport(report, failure);
          return;
        }
        if (failure) throw failure;
        process.stdout.write(summaryLine(report.items));
      }),
    ),
});
