import { listModels, ModelChecksumMismatchError, modelsDir, verifyModel, type ModelVerification } from '@bollyx/environment-manager';
import { defineCommand } from 'citty';
import { createProgressReporter } from '../../output/progress-reporter';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { modelProgressTick } from '../../output/model-progress-tick';

export default defineCommand({
  meta: { name: 'verify', description: 'Check cached models against their registry checksums (all cached models by default)' },
  args: {
    model: { type: 'positional', description: 'Model names (default: every model in the cache)', required: false },
    json: { type: 'boolean', description: 'Print results as JSON lines' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const dir = modelsDir();
        const names = args._.length > 0 ? args._ : (await listModels({ dir })).filter((model) => model.present).map((model) => model.name);
        if (names.length === 0 && !args.json) {
          process.stdout.write(`No models in ${dir} yet: fetch one with \`bollyx models pull <name>\`.\n`);
          return;
        }
        const progress = createProgressReporter({ json: Boolean(args.json) });
        const results: ModelVerification[] = [];
        try {
          for (const name of names) {
            const result = await verifyModel(name, { dir, signal, onProgress: (event) => progress.update(modelProgressTick(event)) });
            progress.stop();
            results.push(result);
            process.stdout.write(args.json ? `${JSON.stringify({ event: 'verified', ...result })}\n` : `${describeVerification(result)}\n`);
          }
        } finally {
          progress.stop();
        }
        const failed = results.find((result) => !result.ok);
        if (failed !== undefined) {
          throw new ModelChecksumMismatchError({
            model: failed.name,
            path: failed.path,
            algorithm: failed.algorithm,
            expected: failed.expected,
            actual: failed.actual,
            expectedSize: failed.expectedSize,
            actualSize: failed.size,
            deleted: false,
          });
        }
        if (args.json) process.stdout.write(`${JSON.stringify({ ok: true, models: results })}\n`);
      }),
    ),
});

function describeVerification(result: ModelVerification): string {
  if (!result.ok) return `${result.name}: MISMATCH (${result.algorithm} expected ${result.expected}, got ${result.actual}): ${result.path}`;
  return `${result.name}: ok (${result.algorithm} ${result.actual}${result.cached ? ', unchanged since last verified' : ''})`;
}
