import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { bakeFile } from './bake-file';
import type { BuildMode } from './build-mode';
import type { BuildPlan, PlannedImage } from './build-plan';
import { contextDigest, listContextFiles, writeContextFiles, type FolderListings } from './context-files';
import { ImageContextChangedError, ImageOutputDirForeignError } from './docker-errors';

/** Written into each image's build folder: which image the folder holds. */
const IMAGE_RECORD = '.bollyx-image.json';
/** Marks an output folder as bollyx's, so its image folders may be replaced. */
const OUTPUT_MARKER = '.bollyx-docker';

/** Creates the output folder, or checks that an existing one is empty or bollyx's own. */
async function claimOutputDir(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const entries = await readdir(outDir);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) throw new ImageOutputDirForeignError(outDir);
  if (!entries.includes(OUTPUT_MARKER)) await writeFile(join(outDir, OUTPUT_MARKER), 'Written by bollyx docker: image build folders and docker-bake.json.\n');
}

export interface WrittenImage {
  name: string;
  ref: string;
  /** The build context: the Dockerfile and the context files. */
  dir: string;
  dockerfile: string;
  /** False when the folder already held this tag and was kept as it was. */
  written: boolean;
}

async function heldRef(dir: string): Promise<string | undefined> {
  const text = await readFile(join(dir, IMAGE_RECORD), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return (JSON.parse(text) as { ref?: string }).ref;
  } catch {
    return undefined;
  }
}

/**
 * Writes each image's build folder `<outDir>/<name>` (Dockerfile and context files): into a temp folder,
 * then renamed into place. A folder that already holds the image's tag is kept, so the pinned
 * whisper.cpp source is copied only when it changes.
 */
export async function writeImageContexts(images: readonly PlannedImage[], outDir: string): Promise<WrittenImage[]> {
  const root = resolve(outDir);
  await claimOutputDir(root);
  const written: WrittenImage[] = [];
  const listings: FolderListings = new Map();
  for (const image of images) {
    const dir = join(root, image.name);
    const result = { name: image.name, ref: image.ref, dir, dockerfile: join(dir, 'Dockerfile') };
    if ((await heldRef(dir)) === image.ref) {
      written.push({ ...result, written: false });
      continue;
    }
    const temp = join(root, `.${image.name}.tmp-${randomBytes(4).toString('hex')}`);
    try {
      const files = await listContextFiles(image.name, image.context, listings);
      if (contextDigest(files) !== image.contextDigest) throw new ImageContextChangedError(image.name);
      await mkdir(temp);
      await writeContextFiles(files, temp);
      await writeFile(join(temp, 'Dockerfile'), image.dockerfile);
      await writeFile(join(temp, IMAGE_RECORD), `${JSON.stringify({ ref: image.ref, contextDigest: image.contextDigest })}\n`);
      await rm(dir, { recursive: true, force: true });
      await rename(temp, dir);
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
    written.push({ ...result, written: true });
  }
  return written;
}

export interface WriteBuildFilesOptions {
  outDir: string;
  /** buildx's local layer cache; default `<outDir>/cache`. */
  cacheDir?: string;
  /** The bake file's `default` group; default: the first plan's mode. */
  defaultMode?: BuildMode;
}

export interface WrittenBuildFiles {
  outDir: string;
  bakeFile: string;
  images: WrittenImage[];
}

/**
 * Writes the build folder of every image of the plans and `<outDir>/docker-bake.json` (a group per
 * plan's mode), so the images can be built with `docker buildx bake` or any engine's own build command.
 */
export async function writeBuildFiles(plans: readonly BuildPlan[], options: WriteBuildFilesOptions): Promise<WrittenBuildFiles> {
  const outDir = resolve(options.outDir);
  const unique = new Map(plans.flatMap((plan) => plan.images).map((image) => [image.name, image]));
  const images = await writeImageContexts([...unique.values()], outDir);
  const bake = bakeFile(plans, {
    outDir,
    cacheDir: resolve(options.cacheDir ?? join(outDir, 'cache')),
    defaultMode: options.defaultMode ?? plans[0]?.mode ?? 'native',
  });
  const bakePath = join(outDir, 'docker-bake.json');
  await writeFileAtomic(bakePath, `${JSON.stringify(bake, null, 2)}\n`);
  return { outDir, bakeFile: bakePath, images };
}
