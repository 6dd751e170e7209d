import { defaultImageGraph, planBuild } from '@bollyx/docker-builder';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { measuredSizes } from './measured-sizes';
import { MODE_ARG, requireMode } from './mode-arg';
import { planJson, renderPlan } from './render-docker';

export default defineCommand({
  meta: { name: 'plan', description: 'The images a mode needs, parents first, with their content-addressed tags and sizes' },
  args: {
    mode: MODE_ARG,
    json: { type: 'boolean', description: 'Print the plan as JSON' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const plan = await planBuild(requireMode(args.mode, 'plan'), await defaultImageGraph());
        const sizes = await measuredSizes(plan, signal);
        process.stdout.write(args.json ? `${JSON.stringify({ ok: true, ...planJson(plan, sizes) })}\n` : renderPlan(plan, sizes));
      }),
    ),
});
