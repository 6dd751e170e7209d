import { hubCacheDir, listHubModels, listModels, modelsDir, type ListedHubModel, type ListedModel } from '@bollyx/environment-manager';
import { defineCommand } from 'citty';
import { formatBytes, formatTable } from '../../output/format';
import { runAction } from '../../output/run-action';

export default defineCommand({
  meta: { name: 'list', description: 'List the models bollyx knows (model files and Hugging Face models) and which are in the cache' },
  args: {
    json: { type: 'boolean', description: 'Print the list as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const dir = modelsDir();
      const hubDir = hubCacheDir();
      const [models, hubModels] = await Promise.all([listModels({ dir }), listHubModels()]);
      if (args.json) {
        process.stdout.write(`${JSON.stringify({ ok: true, dir, hubDir, models: [...models, ...hubModels] })}\n`);
        return;
      }
      const rows = models.map((model) => [model.name, model.kind, formatBytes(model.size), cacheStatus(model), model.license]);
      const hubRows = hubModels.map((model) => [model.name, model.repo, model.gated ? 'gated' : 'open', hubCacheStatus(model), model.license]);
      process.stdout.write(
        `Models in ${dir}\n${formatTable([['NAME', 'KIND', 'SIZE', 'IN CACHE', 'LICENSE'], ...rows])}\n\n` +
          `Hugging Face models (for the Python backends) in ${hubDir}\n` +
          `${formatTable([['NAME', 'REPOSITORY', 'ACCESS', 'IN CACHE', 'LICENSE'], ...hubRows])}\n` +
          'Fetch one with `bollyx models pull <name>` (gated models need BOLLYX_HF_TOKEN); check the cache with `bollyx models verify`.\n',
      );
    }),
});

function cacheStatus(model: ListedModel): string {
  if (model.present) {
    if (model.verified === true) return 'verified';
    if (model.verified === false) return 'CORRUPT: pull it again';
    return 'present (not verified yet)';
  }
  if (model.partialBytes !== undefined) return `partial ${Math.floor((model.partialBytes / model.size) * 100)}%: pull resumes it`;
  return 'missing';
}

function hubCacheStatus(model: ListedHubModel): string {
  const size = model.bytesOnDisk === undefined ? '' : ` (${formatBytes(model.bytesOnDisk)})`;
  if (model.state === 'present') return `present${size}`;
  if (model.state === 'partial') return `partial${size}: pull completes it`;
  return 'missing';
}
