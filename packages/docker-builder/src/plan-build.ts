import { createHash } from 'node:crypto';
import type { BuildMode } from './build-mode';
import type { BuildPlan, PlannedImage } from './build-plan';
import { contextDigest, listContextFiles, type FolderListings } from './context-files';
import { defaultImageGraph, type DefaultImageGraphOptions } from './default-image-graph';
import { ImageGraphInvalidError } from './docker-errors';
import { ImageGraphSchema, PARENT_PLACEHOLDER, type ImageGraph, type ImageGraphInput, type ImageNode } from './image-graph';

/** Validates a graph, naming every problem. */
function parseImageGraph(graph: ImageGraphInput): ImageGraph {
  const parsed = ImageGraphSchema.safeParse(graph);
  if (!parsed.success) throw new ImageGraphInvalidError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  return parsed.data;
}

function finalDockerfile(node: ImageNode, parentRef: string | undefined, digest: string): string {
  const text = parentRef === undefined ? node.dockerfile : node.dockerfile.replaceAll(PARENT_PLACEHOLDER, parentRef);
  // The labels hold the tag's inputs besides the text itself, so `docker image inspect` says what an image was built from.
  return `${text.trimEnd()}

LABEL dev.bollyx.image="${node.name}" \\
      dev.bollyx.parent="${parentRef ?? ''}" \\
      dev.bollyx.context-sha256="${digest}"
`;
}

/** Tags `nodes` (and, through them, their parents). */
async function tagNodes(graph: ImageGraph, nodes: readonly ImageNode[]): Promise<Map<string, PlannedImage>> {
  const byName = new Map(graph.nodes.map((node) => [node.name, node]));
  const tagged = new Map<string, Promise<PlannedImage>>();
  const listings: FolderListings = new Map();
  const tag = (node: ImageNode): Promise<PlannedImage> => {
    let planned = tagged.get(node.name);
    if (planned === undefined) {
      planned = (async () => {
        const parent = node.parent === undefined ? undefined : await tag(byName.get(node.parent)!);
        const files = await listContextFiles(node.name, node.context, listings);
        const digest = contextDigest(files);
        const dockerfile = finalDockerfile(node, parent?.ref, digest);
        const hex = createHash('sha256')
          .update(JSON.stringify({ dockerfile, context: digest, parent: parent?.ref ?? null }))
          .digest('hex')
          .slice(0, 12);
        const repository = `${graph.repository}/${node.name}`;
        return {
          name: node.name,
          description: node.description,
          repository,
          tag: hex,
          ref: `${repository}:${hex}`,
          ...(parent === undefined ? {} : { parent: parent.name, parentRef: parent.ref }),
          serves: node.serves,
          ...(node.environment === undefined ? {} : { environment: node.environment }),
          dockerfile,
          context: node.context,
          contextDigest: digest,
          contextFileCount: files.length,
          estimatedSizeMb: node.estimatedSizeMb,
          estimatedTotalMb: node.estimatedSizeMb + (parent?.estimatedTotalMb ?? 0),
        } satisfies PlannedImage;
      })();
      tagged.set(node.name, planned);
    }
    return planned;
  };
  const images = await Promise.all(nodes.map(tag));
  return new Map(images.map((image) => [image.name, image]));
}

/** The plans of several modes from one graph, its context files hashed once (`docker-bake.json` holds every mode). */
export async function planBuilds(
  modes: readonly BuildMode[],
  graph?: ImageGraphInput,
  options: DefaultImageGraphOptions = {},
): Promise<BuildPlan[]> {
  const parsed = parseImageGraph(graph ?? (await defaultImageGraph(options)));
  const tags = await tagNodes(parsed, parsed.nodes.filter((node) => modes.some((mode) => node.modes.includes(mode))));
  return modes.map((mode) => {
    const inMode = parsed.nodes.filter((node) => node.modes.includes(mode));
    const ordered: PlannedImage[] = [];
    const visit = (node: ImageNode) => {
      if (ordered.some((image) => image.name === node.name)) return;
      if (node.parent !== undefined) visit(inMode.find((candidate) => candidate.name === node.parent)!);
      ordered.push(tags.get(node.name)!);
    };
    inMode.forEach(visit);
    return {
      mode,
      images: ordered,
      excluded: parsed.excluded,
      estimatedTotalMb: ordered.reduce((sum, image) => sum + image.estimatedSizeMb, 0),
    };
  });
}

/**
 * The images `mode` needs, parents first, each once, with content-addressed tags: a changed Dockerfile
 * or context file changes that image's tag and its descendants', never its parents'. Without `graph`,
 * the default graph (base images, whisper.cpp, one image per Python environment spec) is planned.
 */
export async function planBuild(mode: BuildMode, graph?: ImageGraphInput, options: DefaultImageGraphOptions = {}): Promise<BuildPlan> {
  const [plan] = await planBuilds([mode], graph, options);
  return plan!;
}
