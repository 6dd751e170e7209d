import { defineCommand, runCommand, runMain, showUsage } from 'citty';
import { version } from '../package.json';
import { VERBS } from './commands/verbs';
import { exitCodeFor } from './output/exit-codes';
import { runAction } from './output/run-action';
import { findUnknownFlag } from './output/unknown-flag';

// Commands load lazily so `bollyx <verb>` pays only for the libraries that verb uses.
const main = defineCommand({
  meta: {
    name: 'bollyx',
    version,
    description: 'Turn a movie into timed, readable subtitles on whatever hardware you have',
  },
  subCommands: {
    run: () => import('./commands/run/index').then((m) => m.default),
    batch: () => import('./commands/batch/index').then((m) => m.default),
    worker: () => import('./commands/worker/index').then((m) => m.default),
    submit: () => import('./commands/submit/index').then((m) => m.default),
    queue: () => import('./commands/queue/index').then((m) => m.default),
    hw: () => import('./commands/hw/index').then((m) => m.default),
    prepare: () => import('./commands/prepare/index').then((m) => m.default),
    jobs: () => import('./commands/jobs/index').then((m) => m.default),
    engines: () => import('./commands/engines/index').then((m) => m.default),
    models: () => import('./commands/models/index').then((m) => m.default),
    subtitles: () => import('./commands/subtitles/index').then((m) => m.default),
    glossary: () => import('./commands/glossary/index').then((m) => m.default),
    env: () => import('./commands/env/index').then((m) => m.default),
    bootstrap: () => import('./commands/bootstrap/index').then((m) => m.default),
    preflight: () => import('./commands/preflight/index').then((m) => m.default),
    docker: () => import('./commands/docker/index').then((m) => m.default),
  },
});

/** `main` as its usage shows it, each verb by its name and description alone: `bollyx --help` loads no verb. */
const listing = defineCommand({
  meta: main.meta,
  subCommands: Object.fromEntries(Object.entries(VERBS).map(([verb, meta]) => [verb, { meta }])),
});

const HELP_FLAGS = new Set(['--help', '-h', '--version', '-v']);

/**
 * citty's runMain answers --help and --version; everything else runs here so that a usage mistake
 * (unknown verb, missing argument) exits with the USAGE code, not the generic 1. Unknown flags, which citty
 * ignores, are rejected first, before any verb does any work.
 */
async function cli(rawArgs: string[]): Promise<void> {
  const verb = rawArgs.find((arg) => !arg.startsWith('-'));
  const asksHelp = rawArgs.some((arg) => arg === '--help' || arg === '-h');
  if (rawArgs.length === 0 || (asksHelp && verb === undefined)) return showUsage(listing);
  const unknownFlag = await findUnknownFlag(main, rawArgs);
  if (unknownFlag) return runAction({ json: rawArgs.includes('--json') }, () => Promise.reject(unknownFlag));
  if (rawArgs.some((arg) => HELP_FLAGS.has(arg))) return runMain(main, { rawArgs });
  try {
    await runCommand(main, { rawArgs });
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'CLIError') throw error;
    const named = (error as { code?: string }).code === 'E_UNKNOWN_COMMAND' ? undefined : verb;
    process.stderr.write(`bollyx: ${error.message}\n  fix: see \`bollyx ${named ? `${named} ` : ''}--help\`\n`);
    process.exitCode = exitCodeFor('USAGE');
  }
}

void cli(process.argv.slice(2));
