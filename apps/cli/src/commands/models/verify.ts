import {
  hubFileMismatchError,
  listHubModels,
  listModels,
  ModelChecksumMismatchError,
  modelsDir,
  verifyHubModel,
  verifyModel,
  type HubModelVerification,
  type ModelProgress,
  type ModelVerification,
} from '@bollyx/environment-manager';
import { defineCommand } from 'citty';
import { createProgressReporter } from '../../output/progress-reporter';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { modelProgressTick } from '../../output/model-progress-tick';
import { registryFor } from './registry-for';

export default defineCommand({
  meta: { name: 'verify', description: 'Check cached models against their checksums (all cached models by default, Hugging Face models included)' },
  args: {
    model: { type: 'positional', description: 'Model names (default: every model in the cache)', required: false },
    json: { type: 'boolean', description: 'Print results as JSON lines' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const dir = modelsDir();
        const names =
          args._.length > 0
            ? args._
            : [...(await listModels({ dir })), ...(await listHubModels())].filter((model) => model.present).map((model) => model.name);
        if (names.length === 0 && !args.json) {
          process.stdout.write(`No models in the cache yet: fetch one with \`bollyx models pull <name>\`.\n`);
          return;
        }
        const progress = createProgressReporter({ json: Boolean(args.json) });
        const results: Array<ModelVerification | (HubModelVerification & { kind: 'hf-repo' })> = [];
        let failure: ModelChecksumMismatchError | undefined;
        try {
          for (const name of names) {
            const options = { signal, onProgress: (event: ModelProgress) => progress.update(modelProgressTick(event)) };
            if (registryFor(name) === 'hub') {
              const result = { kind: 'hf-repo' as const, ...(await verifyHubModel(name, options)) };
              progress.stop();
              results.push(result);
              const bad = result.files.find((file) => !file.ok);
              if (bad !== undefined) failure ??= hubFileMismatchError(name, bad);
              process.stdout.write(args.json ? `${JSON.stringify({ event: 'verified', ...result })}\n` : `${describeHubVerification(result)}\n`);
            } else {
              const result = await verifyModel(name, { dir, ...options });
              progress.stop();
              results.push(result);
              if (!result.ok) failure ??= fileMismatchError(result);
              process.stdout.write(args.json ? `${JSON.stringify({ event: 'verified', ...result })}\n` : `${describeVerification(result)}\n`);
            }
          }
        } finally {
          progress.stop();
        }
        if (failure !== undefined) throw failure;
        if (args.json) process.stdout.write(`${JSON.stringify({ ok: true, models: results })}\n`);
      }),
    ),
});

function fileMismatchError(result: ModelVerification): ModelChecksumMismatchError {
  return new ModelChecksumMismatchError({
    model: result.name,
    path: result.path,
    algorithm: result.algorithm,
    expected: result.expected,
    actual: result.actual,
    expectedSize: result.expectedSize,
    actualSize: result.size,
    deleted: false,
  });
}

function describeVerification(result: ModelVerification): string {
  if (!result.ok) return `${result.name}: MISMATCH (${result.algorithm} expected ${result.expected}, got ${result.actual}): ${result.path}`;
  return `${result.name}: ok (${result.algorithm} ${result.actual}${result.cached ? ', unchanged since last verified' : ''})`;
}

function describeHubVerification(result: HubModelVerification): string {
  const bad = result.files.filter((file) => !file.ok);
  if (bad.length > 0) {
    const files = bad.map((file) => `${file.path} (${file.algorithm} expected ${file.etag ?? 'unknown'}, got ${file.actual ?? 'not hashed'})`);
    return `${result.name}: MISMATCH in ${files.join(', ')}: ${result.snapshotDir}`;
  }
  const unchanged = result.files.filter((file) => file.cached).length;
  return `${result.name}: ok (${result.repo}@${result.commit.slice(0, 12)}, ${result.files.length} files${unchanged > 0 ? `, ${unchanged} unchanged since last verified` : ''})`;
}
