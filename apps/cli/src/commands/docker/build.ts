import {
  BuildModeSchema,
  buildImages,
  ContainerEngineSchema,
  defaultImageGraph,
  detectEngine,
  dockerDir,
  planBuilds,
  writeBuildFiles,
} from '@bollyx/docker-builder';
import { defineCommand } from 'citty';
import { runAction } from '../../output/run-action';
import { withStopSignals } from '../../process/stop-signals';
import { imageBuildProgressView } from './image-build-progress';
import { measuredSizes } from './measured-sizes';
import { MODE_ARG, requireMode } from './mode-arg';
import { planJson, renderFiles, renderPlan, renderReport } from './render-docker';

export default defineCommand({
  meta: {
    name: 'build',
    description: 'Write the Dockerfiles and docker-bake.json of every mode, then build the images of one (skipping those already built)',
  },
  args: {
    mode: MODE_ARG,
    engine: { type: 'enum', options: [...ContainerEngineSchema.options], description: 'docker, podman or buildah (default: the first that works, in that order)' },
    dryRun: { type: 'boolean', description: 'Print the plan and write the build files, build nothing' },
    out: { type: 'string', description: 'Folder for the Dockerfiles, build contexts, bake file and build logs (default: docker in the bollyx cache folder)' },
    json: { type: 'boolean', description: 'Print progress and the result as JSON lines' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      // Ctrl-C stops the engine's build; the images finished before it are kept and skipped next time.
      withStopSignals(async (signal) => {
        const mode = requireMode(args.mode, 'build');
        const engineOptions = { signal, ...(args.engine === undefined ? {} : { engine: args.engine }) };
        // Before writing the build files: a machine without an engine learns it at once.
        if (!args.dryRun) await detectEngine(engineOptions);
        // Every mode's images go into the bake file (a group each); the one asked for is its default.
        const modes = [mode, ...BuildModeSchema.options.filter((other) => other !== mode)];
        const plans = await planBuilds(modes, await defaultImageGraph());
        const plan = plans[0]!;
        const files = await writeBuildFiles(plans, { outDir: args.out ?? dockerDir(), defaultMode: mode });
        if (args.dryRun) {
          const sizes = await measuredSizes(plan, signal);
          const dockerfiles = Object.fromEntries(files.images.filter((image) => plan.images.some((planned) => planned.name === image.name)).map((image) => [image.name, image.dockerfile]));
          process.stdout.write(
            args.json
              ? `${JSON.stringify({ ok: true, dryRun: true, ...planJson(plan, sizes), files: { outDir: files.outDir, bakeFile: files.bakeFile, dockerfiles } })}\n`
              : `${renderPlan(plan, sizes)}${renderFiles(files)}`,
          );
          return;
        }
        const progress = imageBuildProgressView({ json: Boolean(args.json) });
        const report = await buildImages(plan, { ...engineOptions, outDir: files.outDir, onProgress: progress });
        process.stdout.write(args.json ? `${JSON.stringify({ ok: true, report })}\n` : renderReport(report));
      }),
    ),
});
