import { prepareMovie } from '@bollyx/pipeline';
import { defineCommand } from 'citty';
import { CONFIG_FLAG_ARGS, movieSettings, WORKSPACE_ARGS } from '../../output/config-flags';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { renderConfigSources, renderJob } from '../../output/job-summary';
import { VERBS } from '../verbs';

/** A percentage on one terminal line while the media is copied or clipped; nothing in logs and pipes. */
function mediaProgress(show: boolean): { update(fraction: number): void; end(): void } {
  let shown = false;
  return {
    update(fraction) {
      if (!show) return;
      shown = true;
      process.stderr.write(`\rpreparing the media: ${Math.floor(fraction * 100)}%`);
    },
    end() {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

export default defineCommand({
  meta: VERBS.prepare,
  args: {
    media: { type: 'positional', description: 'The movie or audio file (put -- before a name that starts with "-")', required: true },
    ...CONFIG_FLAG_ARGS,
    ...WORKSPACE_ARGS,
    copy: { type: 'boolean', description: 'Copy the media into the job instead of hard-linking it' },
    explain: { type: 'boolean', description: 'Show every config value and where it came from' },
    json: { type: 'boolean', description: 'Print the job (id, dir, config, provenance, media) as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const progress = mediaProgress(!args.json && process.stderr.isTTY === true);
        try {
          const job = await prepareMovie(args.media, {
            ...movieSettings(args),
            workspace: args.workspace,
            config: args.config,
            copy: args.copy,
            signal,
            onProgress: (event) => {
              if (event.step === 'media') progress.update(event.fraction);
            },
          });
          progress.end();
          if (args.json) {
            const { id, dir, config, provenance, source, media } = job;
            process.stdout.write(`${JSON.stringify({ ok: true, id, dir, config, provenance, source, media })}\n`);
            return;
          }
          process.stdout.write(renderJob(job, 'Prepared job'));
          if (args.explain) process.stdout.write(renderConfigSources(job));
        } finally {
          progress.end();
        }
      }),
    ),
});
