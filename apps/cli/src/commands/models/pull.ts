import { pullHubModel, pullModel, type ModelProgress, type PulledHubModel, type PulledModel } from '@bollyx/environment-manager';
import { defineCommand } from 'citty';
import { formatBytes } from '../../output/format';
import { createProgressReporter } from '../../output/progress-reporter';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { modelProgressTick } from '../../output/model-progress-tick';
import { registryFor } from './registry-for';

export default defineCommand({
  meta: { name: 'pull', description: 'Download models into the cache (resumable, checksum-verified); Hugging Face models into the hub cache' },
  args: {
    model: { type: 'positional', description: 'Model names, one or more (see `bollyx models list`)', required: true },
    mirror: {
      type: 'string',
      description: 'A mirror: a base URL holding the model files (default: BOLLYX_MODEL_MIRROR), for Hugging Face models a hub mirror (default: HF_ENDPOINT)',
    },
    offline: { type: 'boolean', description: 'Never touch the network (default: BOLLYX_OFFLINE, and HF_HUB_OFFLINE for Hugging Face models)' },
    json: { type: 'boolean', description: 'Print progress and results as JSON lines' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const progress = createProgressReporter({ json: Boolean(args.json) });
        const pulled: Array<PulledModel | (PulledHubModel & { kind: 'hf-repo' })> = [];
        try {
          for (const name of args._) {
            const options = {
              signal,
              mirror: args.mirror,
              offline: args.offline || undefined,
              onProgress: (event: ModelProgress) => progress.update(modelProgressTick(event)),
            };
            if (registryFor(name) === 'hub') {
              const result = { kind: 'hf-repo' as const, ...(await pullHubModel(name, options)) };
              progress.stop();
              pulled.push(result);
              process.stdout.write(args.json ? `${JSON.stringify({ event: 'pulled', ...result })}\n` : `${describeHubPull(result)}\n`);
            } else {
              const result = await pullModel(name, options);
              progress.stop();
              pulled.push(result);
              process.stdout.write(args.json ? `${JSON.stringify({ event: 'pulled', ...result })}\n` : `${describePull(result)}\n`);
            }
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
  return `${result.name}: downloaded from ${result.source} and verified (${result.algorithm}, ${size}): ${result.path}`;
}

function describeHubPull(result: PulledHubModel): string {
  const size = formatBytes(result.files.reduce((sum, file) => sum + file.size, 0));
  const what = `${result.repo}@${result.commit.slice(0, 12)}, ${result.files.length} files, ${size}`;
  if (result.status === 'present') return `${result.name}: already in the cache and verified (${what}): ${result.snapshotDir}`;
  return `${result.name}: downloaded ${formatBytes(result.bytesDownloaded)} from ${result.endpoint} and verified (${what}): ${result.snapshotDir}`;
}
