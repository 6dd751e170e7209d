import { z } from 'zod';
import { BuildModeSchema } from './build-mode';
import { ContextEntrySchema } from './image-graph';

/** One image of a plan, with its content-addressed reference. */
const PlannedImageSchema = z.object({
  name: z.string(),
  description: z.string(),
  /** `<repository>/<name>`. */
  repository: z.string(),
  /** 12 hex digits of sha256(Dockerfile text, context files, parent reference). */
  tag: z.string().regex(/^[0-9a-f]{12}$/),
  /** `<repository>/<name>:<tag>`: what `docker run` and `FROM` name. */
  ref: z.string(),
  parent: z.string().optional(),
  parentRef: z.string().optional(),
  serves: z.array(z.string()),
  environment: z.object({ name: z.string(), variant: z.enum(['cpu', 'cuda']) }).optional(),
  /** The Dockerfile as built: parent filled in, bollyx labels appended. */
  dockerfile: z.string(),
  context: z.array(ContextEntrySchema),
  /** sha256 over the context files' paths, executable bits and bytes. */
  contextDigest: z.string(),
  contextFileCount: z.number().int().nonnegative(),
  /** Estimates, in MB: this image's own layers, and with its parents' (comparable to `image inspect`'s Size). */
  estimatedSizeMb: z.number().nonnegative(),
  estimatedTotalMb: z.number().nonnegative(),
});
export type PlannedImage = z.infer<typeof PlannedImageSchema>;

/** The images one mode needs, parents first, each once. */
export const BuildPlanSchema = z.object({
  mode: BuildModeSchema,
  images: z.array(PlannedImageSchema),
  /** What no image holds, and why. */
  excluded: z.array(z.object({ name: z.string(), reason: z.string(), serves: z.array(z.string()) })),
  /** An estimate of the disk the mode's images take together (shared layers counted once), in MB. */
  estimatedTotalMb: z.number().nonnegative(),
});
export type BuildPlan = z.infer<typeof BuildPlanSchema>;
