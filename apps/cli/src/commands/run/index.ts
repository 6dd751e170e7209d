import { subtitleMovie } from '@bollyx/pipeline';
import { defineCommand } from 'citty';
import { CONFIG_FLAG_ARGS, RUN_FLAG_ARGS, runSettings } from '../../output/config-flags';
import { createRunProgress } from '../../output/progress/run-progress';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { renderRunSummary } from './run-summary';
import { VERBS } from '../verbs';

export default defineCommand({
  meta: VERBS.run,
  args: {
    media: { type: 'positional', description: 'The movie, or the id or folder of a prepared job', required: true },
    ...CONFIG_FLAG_ARGS,
    from: { type: 'string', description: 'Re-run this stage and every stage after it' },
    only: { type: 'string', description: 'Re-run just this stage (the stages before it must be cached)' },
    ...RUN_FLAG_ARGS,
    json: { type: 'boolean', description: 'Progress as JSON lines on stdout; the last line is the run summary' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const json = Boolean(args.json);
        const progress = createRunProgress({ json });
        let summary;
        try {
          summary = await subtitleMovie(args.media, {
            ...runSettings(args),
            from: args.from,
            only: args.only,
            signal,
            onEvent: (event) => progress.onEvent(event),
          });
        } finally {
          progress.stop();
        }
        process.stdout.write(json ? `${JSON.stringify(summary)}\n` : renderRunSummary(summary));
      }),
    ),
});
