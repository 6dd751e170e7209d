import { batchSummarySchema, subtitleMovies, type BatchEvent } from '@bollyx/pipeline';
import { defineCommand } from 'citty';
import { CONFIG_FLAG_ARGS, RUN_FLAG_ARGS, runSettings } from '../../output/config-flags';
import { exitCodeFor } from '../../output/exit-codes';
import { formatDuration } from '../../output/format';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { VERBS } from '../verbs';
import { renderBatchSummary } from './batch-summary';

/** One line on stderr per film started and finished; several films run at once, so no bars. */
function describeEvent(event: BatchEvent): string | undefined {
  if (event.type === 'film-start') return `▶ ${event.file}`;
  if (event.type === 'film-event') return event.event.type === 'warning' ? `bollyx: warning: ${event.file}: ${event.event.message}` : undefined;
  const { film } = event;
  const took = film.durationMs === 0 ? '' : ` (${formatDuration(film.durationMs)})`;
  return `${film.status === 'done' || film.status === 'skipped' ? '✓' : '✗'} ${film.file}: ${film.status}${film.error === undefined ? '' : ` ${film.error.code}`}${took}`;
}

export default defineCommand({
  meta: VERBS.batch,
  args: {
    inputs: { type: 'positional', description: 'Folders of films (searched by extension) or media files, one or more', required: true },
    ...CONFIG_FLAG_ARGS,
    recursive: { type: 'boolean', description: 'Search the folders’ subfolders too' },
    concurrency: { type: 'string', description: 'Films run at once (default: one per GPU, else CPU threads / threads per film)' },
    ...RUN_FLAG_ARGS,
    json: { type: 'boolean', description: 'Progress as JSON lines on stdout (each film’s events tagged with its file); the last line is the batch summary' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const json = Boolean(args.json);
        const summary = await subtitleMovies(args._, {
          ...runSettings(args),
          recursive: args.recursive,
          // Checked by the library: anything but a whole number above 0 is RUN_OPTIONS_INVALID (a usage mistake).
          concurrency: args.concurrency === undefined ? undefined : Number(args.concurrency),
          signal,
          onEvent: (event) => {
            if (json) {
              process.stdout.write(`${JSON.stringify(event)}\n`);
              return;
            }
            const line = describeEvent(event);
            if (line !== undefined) process.stderr.write(`${line}\n`);
          },
        });
        process.stdout.write(json ? `${JSON.stringify(batchSummarySchema.parse(summary))}\n` : renderBatchSummary(summary));
        // The table says what happened to each film; the exit code says whether the batch is finished.
        if (summary.films.some((film) => film.status === 'cancelled')) process.exitCode = exitCodeFor('CANCELLED');
        else if (!summary.ok) {
          process.exitCode = exitCodeFor('BATCH_INCOMPLETE');
          if (!json) process.stderr.write('bollyx: the batch is incomplete\n  fix: fix what each failed film names, then run the same command again: finished films are skipped\n');
        }
      }),
    ),
});
