import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { composeFile, composeYaml, defaultImageGraph, planBuild, type ComposeFileOptions } from '@bollyx/docker-builder';
import { BollyxError } from '@bollyx/errors';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { measuredSizes } from './measured-sizes';
import { MODE_ARG, requireMode } from './mode-arg';
import { planJson, renderPlan } from './render-docker';

/** The compose file's folders: a flag, else its environment variable, else left to a compose variable. */
function composeFolders(args: { films?: string; workspace?: string }, env: NodeJS.ProcessEnv): ComposeFileOptions {
  const folders = { films: args.films, workspace: args.workspace ?? env.BOLLYX_WORKSPACE, cacheDir: env.BOLLYX_CACHE_DIR };
  return Object.fromEntries(Object.entries(folders).flatMap(([name, folder]) => (folder ? [[name, resolve(folder)]] : [])));
}

export default defineCommand({
  meta: { name: 'plan', description: 'The images a mode needs, parents first, with their content-addressed tags and sizes' },
  args: {
    mode: MODE_ARG,
    compose: { type: 'string', description: 'Also write a compose file here: Redis and queue workers on the mode’s images (docker-cpu, docker-gpu)' },
    films: { type: 'string', description: 'With --compose: the films folder the workers mount (default: BOLLYX_FILMS_DIR when compose runs)' },
    workspace: { type: 'string', description: 'With --compose: the shared jobs folder (default: BOLLYX_WORKSPACE)' },
    json: { type: 'boolean', description: 'Print the plan as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const mode = requireMode(args.mode, 'plan');
        if (args.compose !== undefined && mode === 'native') {
          throw new BollyxError('USAGE', 'docker plan --compose needs a docker mode: native runs the stages on the host', {
            hint: 'Run `bollyx docker plan --mode docker-gpu --compose compose.yaml` (or docker-cpu)',
          });
        }
        const plan = await planBuild(mode, await defaultImageGraph());
        let compose: string | undefined;
        if (args.compose !== undefined && plan.mode !== 'native') {
          compose = resolve(args.compose);
          await writeFile(compose, composeYaml(composeFile({ ...plan, mode: plan.mode }, composeFolders(args, process.env)), plan.mode));
        }
        const sizes = await measuredSizes(plan, signal);
        process.stdout.write(
          args.json
            ? `${JSON.stringify({ ok: true, ...planJson(plan, sizes), ...(compose === undefined ? {} : { compose }) })}\n`
            : `${renderPlan(plan, sizes)}${compose === undefined ? '' : `Compose file: ${compose}\n`}`,
        );
      }),
    ),
});
