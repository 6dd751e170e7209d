import { isAbsolute, posix } from 'node:path';
import { z } from 'zod';
import { BuildModeSchema } from './build-mode';

/** Stands for the parent image's reference (`bollyx/base:<tag>`) in a node's Dockerfile. */
export const PARENT_PLACEHOLDER = '{{parent}}';

/** File names the build folder of an image keeps for itself. */
const RESERVED_CONTEXT_PATHS = new Set(['Dockerfile', '.bollyx-image.json']);

const contextPathSchema = z
  .string()
  .min(1)
  .refine(
    (path) => !posix.isAbsolute(path) && !path.split('/').includes('..') && posix.normalize(path) === path,
    'a context path is a relative path inside the build context, without . or .. parts',
  )
  .refine((path) => !RESERVED_CONTEXT_PATHS.has(path), 'Dockerfile and .bollyx-image.json are written by bollyx');

/** One file or folder of an image's build context: copied from the host, or written from text. */
export const ContextEntrySchema = z.union([
  z.strictObject({
    path: contextPathSchema,
    /** An absolute host path: a file, or a folder copied whole. */
    from: z.string().refine((path) => isAbsolute(path), 'an absolute host path'),
  }),
  z.strictObject({ path: contextPathSchema, text: z.string() }),
]);
export type ContextEntry = z.infer<typeof ContextEntrySchema>;

/** One image of the graph. */
const ImageNodeSchema = z.strictObject({
  /** Names the image (`bollyx/<name>`) and its bake target. */
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and -'),
  description: z.string().min(1),
  /** The node this image is built FROM; absent when it starts from public images only. */
  parent: z.string().optional(),
  /** The build modes that need this image. */
  modes: z.array(BuildModeSchema).min(1),
  /** The stages whose containers run in this image (stage families, `asr-whispercpp`, `demux`, …). */
  serves: z.array(z.string().min(1)).default([]),
  /** Dockerfile text; `{{parent}}` is replaced by the parent's reference. */
  dockerfile: z.string().min(1),
  context: z.array(ContextEntrySchema).default([]),
  /** The environment spec this image installs (from @bollyx/environment-manager), and which variant. */
  environment: z.strictObject({ name: z.string().min(1), variant: z.enum(['cpu', 'cuda']) }).optional(),
  /** An estimate of the image's own layers (without its parent's), in MB, until a real build measures it. */
  estimatedSizeMb: z.number().nonnegative(),
});
export type ImageNode = z.infer<typeof ImageNodeSchema>;
export type ImageNodeInput = z.input<typeof ImageNodeSchema>;

/**
 * The images bollyx can build, as data. Checked: unique names, known parents, no cycles, every mode of
 * an image also a mode of its parent (a mode's plan is closed), at most one image per stage and mode.
 */
export const ImageGraphSchema = z
  .strictObject({
    /** The repository prefix of every image: `<repository>/<name>:<tag>`. */
    repository: z.string().regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/).default('bollyx'),
    nodes: z.array(ImageNodeSchema).min(1),
    /** What no image of this graph holds, and why (e.g. `mlx`: Apple Silicon only). */
    excluded: z.array(z.strictObject({ name: z.string(), reason: z.string(), serves: z.array(z.string()).default([]) })).default([]),
  })
  .superRefine((graph, ctx) => {
    const byName = new Map<string, ImageNode>();
    for (const [index, node] of graph.nodes.entries()) {
      if (byName.has(node.name)) ctx.addIssue({ code: 'custom', path: ['nodes', index, 'name'], message: `two images are named ${node.name}` });
      byName.set(node.name, node);
    }
    const served = new Map<string, string>();
    for (const [index, node] of graph.nodes.entries()) {
      const at = (field: string) => ['nodes', index, field];
      const hasPlaceholder = node.dockerfile.includes(PARENT_PLACEHOLDER);
      if (node.parent === undefined) {
        if (hasPlaceholder) ctx.addIssue({ code: 'custom', path: at('dockerfile'), message: `${node.name} has no parent but its Dockerfile uses ${PARENT_PLACEHOLDER}` });
        continue;
      }
      if (!hasPlaceholder) ctx.addIssue({ code: 'custom', path: at('dockerfile'), message: `${node.name} has a parent, so its Dockerfile must build FROM ${PARENT_PLACEHOLDER}` });
      const parent = byName.get(node.parent);
      if (parent === undefined) {
        ctx.addIssue({ code: 'custom', path: at('parent'), message: `${node.name}'s parent ${node.parent} is not in the graph` });
        continue;
      }
      const missing = node.modes.filter((mode) => !parent.modes.includes(mode));
      if (missing.length > 0) ctx.addIssue({ code: 'custom', path: at('modes'), message: `${node.name} is in ${missing.join(', ')}, its parent ${parent.name} is not` });
      const seen = new Set([node.name]);
      for (let up: ImageNode | undefined = parent; up !== undefined; up = up.parent === undefined ? undefined : byName.get(up.parent)) {
        if (seen.has(up.name)) {
          ctx.addIssue({ code: 'custom', path: at('parent'), message: `${node.name}'s parents form a cycle` });
          break;
        }
        seen.add(up.name);
      }
    }
    for (const [index, node] of graph.nodes.entries()) {
      for (const stage of node.serves) {
        for (const mode of node.modes) {
          const other = served.get(`${mode}\0${stage}`);
          if (other !== undefined) ctx.addIssue({ code: 'custom', path: ['nodes', index, 'serves'], message: `${stage} is served by both ${other} and ${node.name} in ${mode}` });
          served.set(`${mode}\0${stage}`, node.name);
        }
      }
    }
  });
export type ImageGraph = z.infer<typeof ImageGraphSchema>;
export type ImageGraphInput = z.input<typeof ImageGraphSchema>;
