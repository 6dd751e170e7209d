import { runtimeSchema, imageModeSchema, subtitleMovie } from '@bollyx/pipeline';
import { defineCommand } from 'citty';
import { CONFIG_FLAG_ARGS, movieSettings, WORKSPACE_ARGS } from '../../output/config-flags';
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
    force: { type: 'boolean', description: 'Run every stage again, ignoring the cache' },
    outputDir: { type: 'string', description: 'Also copy the subtitles and videos here (never over an existing file)' },
    offline: { type: 'boolean', description: 'Never download (default: BOLLYX_OFFLINE); missing models fail' },
    ...WORKSPACE_ARGS,
    runtime: { type: 'enum', options: [...runtimeSchema.options], description: 'Where whisper-cli and the Python stages run: native (default; BOLLYX_RUNTIME), or docker or podman in the images of `bollyx docker build`' },
    imageMode: { type: 'enum', options: [...imageModeSchema.options], description: 'The images --runtime docker|podman runs (default: docker-gpu with an NVIDIA GPU, else docker-cpu)' },
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
            ...movieSettings(args),
            workspace: args.workspace,
            config: args.config,
            runtime: runtimeSchema.optional().parse(args.runtime),
            imageMode: imageModeSchema.optional().parse(args.imageMode),
            outputDir: args.outputDir,
            offline: args.offline,
            from: args.from,
            only: args.only,
            force: args.force,
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
