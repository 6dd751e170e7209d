import { createEnvironment } from '@bollyx/environment-manager';
import type { EnvironmentVariant } from '@bollyx/environment-manager';
import { detectHardware } from '@bollyx/hardware-detection';
import { environmentVariantOf } from '@bollyx/preflight';
import { defineCommand } from 'citty';
import { buildProgressView } from '../../output/build-progress';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { renderCreatedEnvironment } from './render-environments';

/** Every value of a repeatable option (citty keeps only the last), comma lists split. */
function repeatedOption(rawArgs: readonly string[], flag: string): string[] {
  const values: string[] = [];
  rawArgs.forEach((arg, index) => {
    if (arg === flag && rawArgs[index + 1] !== undefined) values.push(rawArgs[index + 1]!);
    else if (arg.startsWith(`${flag}=`)) values.push(arg.slice(flag.length + 1));
  });
  return values.flatMap((value) => value.split(',')).filter(Boolean);
}

/** `--variant`, else cuda when the (cached) hardware profile has an NVIDIA GPU, else cpu. */
async function chooseVariant(requested: EnvironmentVariant | undefined): Promise<EnvironmentVariant> {
  if (requested !== undefined) return requested;
  return environmentVariantOf(await detectHardware());
}

export default defineCommand({
  meta: {
    name: 'create',
    description: 'Create (or rebuild) a Python environment from its spec: venv + pip, or uv when it is on PATH',
  },
  args: {
    name: { type: 'positional', required: true, description: 'The environment: common, whisperx, indictrans2, pyannote or mlx' },
    variant: { type: 'enum', options: ['cpu', 'cuda'], description: 'cpu or cuda torch builds (default: cuda with an NVIDIA GPU, else cpu)' },
    'find-links': { type: 'string', description: 'A folder of wheels to install from (repeatable, or a comma list)' },
    index: { type: 'boolean', default: true, description: 'Use the package indexes (--no-index: only the --find-links folders)' },
    wheelhouse: { type: 'string', description: 'A folder holding every wheel needed: --find-links DIR --no-index' },
    python: { type: 'string', description: 'The Python interpreter to build from (default: the first suitable one; BOLLYX_PYTHON)' },
    installer: { type: 'enum', options: ['uv', 'pip'], description: 'uv or pip (default: uv when on PATH, else pip)' },
    force: { type: 'boolean', description: 'Rebuild even when the environment is ok' },
    json: { type: 'boolean', description: 'Print progress and the environment record as JSON lines' },
  },
  run: ({ args, rawArgs }) =>
    runAction({ json: args.json }, () =>
      // Ctrl-C stops pip or uv and removes the half-made environment; the previous one stays.
      withStopSignals(async (signal) => {
        const variant = await chooseVariant(args.variant);
        const progress = buildProgressView({ json: Boolean(args.json), label: `env ${args.name}` });
        let created = false;
        const record = await createEnvironment(args.name, {
          variant,
          findLinks: repeatedOption(rawArgs, '--find-links'),
          noIndex: args.index === false,
          wheelhouse: args.wheelhouse,
          python: args.python,
          installer: args.installer,
          force: args.force,
          signal,
          onProgress: ({ phase, fraction, message }) => {
            created ||= phase === 'venv';
            progress.onProgress({ phase, percent: Math.round(fraction * 100), message });
          },
        }).finally(() => progress.stop());
        process.stdout.write(args.json ? `${JSON.stringify({ ok: true, created, environment: record })}\n` : renderCreatedEnvironment(record, created));
      }),
    ),
});
