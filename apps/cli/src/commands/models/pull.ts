import { pullModel, type PulledModel } from '@bollyx/environment-manager';
import { defineCommand } from 'citty';
import { formatBytes } from '../../output/format';
import { createProgressReporter } from '../../output/progress-reporter';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { modelProgressTick } from '../../output/model-progress-tick';

export default defineCommand({
  meta: { name: 'pull', description: 'Download models into the cache (resumable, sha-verified)' },
  args: {
    model: { type: 'positional', description: 'Model names, one or more (see `bollyx models list`)', required: true },
    mirror: { type: 'string', description: 'Base URL of a mirror holding the model files (default: BOLLYX_MODEL_MIRROR)' },
    offline: { type: 'boolean', description: 'Never touch the network (default: BOLLYX_OFFLINE)' },
    json: { type: 'boolean', description: 'Print progress and results as JSON lines' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const progress = createProgressReporter({ json: Boolean(args.json) });
        const pulled: PulledModel[] = [];
        try {
          for (const name of args._) {
            const result = await pullModel(name, {
              signal,
              mirror: args.mirror,
              offline: args.offline || undefined,
              onProgress: (event) => progress.update(modelProgressTick(event)),
            });
            progress.stop();
            pulled.push(result);
            process.stdout.write(args.json ? `${JSON.stringify({ event: 'pulled', ...result })}\n` : `${describePull(result)}\n`);
          }
        } finally {
          progress.stop();
        }
        if (args.json) process.stdout.write(`${JSON.stringify({ ok: true, models: pulled })}\n`);
      }),
    ),
});

function describePull(result: PulledModel): string {
  const size = formatBytes(result.size);
  if (result.status === 'present') return `${result.name}: already in the cache and verified (${size}): ${result.path}`;
  const how = result.status === 'copied' ? 'copied' : 'downloaded';
  return `${result.name}: ${how} from ${result.source} and verified (${result.algorithm}, ${size}): ${result.path}`;
}
