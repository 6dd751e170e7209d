import { listModels, modelsDir, type ListedModel } from '@bollyx/environment-manager';
import { defineCommand } from 'citty';
import { formatBytes, formatTable } from '../../output/format';
import { runAction } from '../../output/run-action';

export default defineCommand({
  meta: { name: 'list', description: 'List the models bollyx knows and which are in the cache' },
  args: {
    json: { type: 'boolean', description: 'Print the list as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, async () => {
      const dir = modelsDir();
      const models = await listModels({ dir });
      if (args.json) {
        process.stdout.write(`${JSON.stringify({ ok: true, dir, models })}\n`);
        return;
      }
      const rows = models.map((model) => [model.name, model.kind, formatBytes(model.size), cacheStatus(model), model.license]);
      process.stdout.write(
        `Models in ${dir}\n${formatTable([['NAME', 'KIND', 'SIZE', 'IN CACHE', 'LICENSE'], ...rows])}\n` +
          'Fetch one with `bollyx models pull <name>`; check the cache with `bollyx models verify`.\n',
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
