import { join } from 'node:path';
import { z } from 'zod';
import type { BuildMode } from './build-mode';
import type { BuildPlan } from './build-plan';

const BakeTargetSchema = z.strictObject({
  context: z.string(),
  dockerfile: z.string(),
  tags: z.array(z.string()).min(1),
  /** Parent images come from their own targets, not from a registry. */
  contexts: z.record(z.string(), z.string()).optional(),
  'cache-from': z.array(z.string()),
  'cache-to': z.array(z.string()),
});

/** The subset of buildx's bake file format bollyx writes (`docker buildx bake -f docker-bake.json`). */
export const BakeFileSchema = z.strictObject({
  group: z.record(z.string(), z.strictObject({ targets: z.array(z.string()) })),
  target: z.record(z.string(), BakeTargetSchema),
});
export type BakeFile = z.infer<typeof BakeFileSchema>;

export interface BakeFileOptions {
  /** Where each image's build folder is (`<outDir>/<name>`). */
  outDir: string;
  /** Where buildx keeps its layer cache, a folder per image. */
  cacheDir: string;
  /** The group `docker buildx bake` builds without a target name. */
  defaultMode: BuildMode;
}

/**
 * A bake file with a target per image (its parent chained through `contexts`, so bake builds parents
 * first and never pulls them) and a group per planned mode plus `default`. The local layer cache needs a
 * buildx builder that can export caches (`docker buildx create --use`).
 */
export function bakeFile(plans: readonly BuildPlan[], options: BakeFileOptions): BakeFile {
  const target: BakeFile['target'] = {};
  const group: BakeFile['group'] = {};
  for (const plan of plans) {
    group[plan.mode] = { targets: plan.images.map((image) => image.name) };
    for (const image of plan.images) {
      const cache = join(options.cacheDir, image.name);
      target[image.name] = {
        context: join(options.outDir, image.name),
        dockerfile: 'Dockerfile',
        tags: [image.ref],
        ...(image.parent === undefined || image.parentRef === undefined ? {} : { contexts: { [image.parentRef]: `target:${image.parent}` } }),
        'cache-from': [`type=local,src=${cache}`],
        'cache-to': [`type=local,dest=${cache},mode=max`],
      };
    }
  }
  const defaults = group[options.defaultMode];
  if (defaults !== undefined) group.default = { targets: [...defaults.targets] };
  return BakeFileSchema.parse({ group, target });
}
