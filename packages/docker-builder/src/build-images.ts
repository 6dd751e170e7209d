import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { z } from 'zod';
import { BuildModeSchema } from './build-mode';
import type { BuildPlan } from './build-plan';
import { parseBuildStep } from './build-step-progress';
import { DetectedEngineSchema, detectEngine, type DetectedEngine, type EngineOptions } from './container-engine';
import { ImageBuildCancelledError, ImageBuildFailedError } from './docker-errors';
import { localImageSize } from './image-inventory';
import { writeImageContexts, type WrittenImage } from './write-build-files';

export const ImageBuildProgressSchema = z.discriminatedUnion('type', [
  /** Which engine builds, once, first. */
  z.object({ type: z.literal('engine'), engine: DetectedEngineSchema, message: z.string() }),
  z.object({
    type: z.literal('image'),
    image: z.string(),
    ref: z.string(),
    /** 1-based position in the plan, of `total`. */
    index: z.number().int().positive(),
    total: z.number().int().positive(),
    status: z.enum(['skipped', 'building', 'built']),
    /** Of this image's build steps. */
    fraction: z.number().min(0).max(1),
    message: z.string(),
  }),
]);
export type ImageBuildProgress = z.infer<typeof ImageBuildProgressSchema>;

export const BuildReportSchema = z.object({
  mode: BuildModeSchema,
  engine: DetectedEngineSchema,
  images: z.array(
    z.object({
      name: z.string(),
      ref: z.string(),
      /** skipped: the engine already had this tag. */
      status: z.enum(['built', 'skipped']),
      /** From the engine's inspect: the image with its parents' layers. */
      sizeBytes: z.number().nonnegative(),
      durationMs: z.number().nonnegative(),
      logPath: z.string().optional(),
    }),
  ),
});
export type BuildReport = z.infer<typeof BuildReportSchema>;

export interface BuildImagesOptions extends EngineOptions {
  /** Where the images' build folders are written (see writeBuildFiles) and the build logs kept. */
  outDir: string;
  onProgress?: (event: ImageBuildProgress) => void;
}

/** How many of a failed build's last output lines the error keeps. */
const LAST_LINES = 20;
const KILL_GRACE_MS = 5000;

function buildCommand(engine: DetectedEngine, image: WrittenImage): { args: string[]; env: Record<string, string> } {
  const target = ['--tag', image.ref, '--file', image.dockerfile, image.dir];
  switch (engine.builder) {
    case 'buildx':
      return { args: ['buildx', 'build', '--load', '--progress', 'plain', ...target], env: {} };
    case 'classic':
      // Explicit: a client that would default to BuildKit fails without buildx. --force-rm leaves no container behind a failed step.
      return { args: ['build', '--force-rm', ...target], env: { DOCKER_BUILDKIT: '0' } };
    case 'podman':
      return { args: ['build', ...target], env: {} };
    case 'buildah':
      return { args: ['bud', '--layers', ...target], env: {} };
  }
}

async function buildOne(
  engine: DetectedEngine,
  image: WrittenImage,
  logPath: string,
  options: BuildImagesOptions,
  onStep: (fraction: number, message: string) => void,
): Promise<void> {
  const { args, env } = buildCommand(engine, image);
  const log = createWriteStream(logPath);
  const lastLines: string[] = [];
  let exitCode: number | undefined;
  try {
    log.write(`$ ${engine.engine} ${args.join(' ')}\n`);
    const subprocess = execa(engine.engine, args, {
      env: { ...(options.env ?? process.env), ...env },
      extendEnv: false,
      stdin: 'ignore',
      all: true,
      buffer: false,
      reject: false,
      ...(options.signal === undefined ? {} : { cancelSignal: options.signal }),
      forceKillAfterDelay: KILL_GRACE_MS,
    });
    let furthest = 0;
    try {
      for await (const line of subprocess.iterable({ from: 'all' })) {
        log.write(`${line}\n`);
        if (line.trim() !== '') lastLines.push(line);
        if (lastLines.length > LAST_LINES) lastLines.shift();
        const step = parseBuildStep(line);
        if (step !== undefined && step.fraction >= furthest) {
          furthest = step.fraction;
          onStep(step.fraction, step.message);
        }
      }
    } catch (error) {
      // The output stream ends with the process's error when it is stopped or cannot start; the result below says which.
      lastLines.push(error instanceof Error ? error.message : String(error));
    }
    exitCode = (await subprocess).exitCode;
  } finally {
    await new Promise((done) => log.end(done));
  }
  if (options.signal?.aborted) throw new ImageBuildCancelledError(image.ref, options.signal.reason);
  if (exitCode !== 0) throw new ImageBuildFailedError({ image: image.ref, engine: engine.engine, ...(exitCode === undefined ? {} : { exitCode }), lastLines, logPath });
}

/**
 * Builds the plan's images in order (parents first) with the detected engine, skipping every image
 * whose tag the engine already has, and reports each image's size from the engine's inspect. Build
 * output goes to `<outDir>/logs/<image>.log`; progress is reported per build step; the AbortSignal
 * stops the build in progress (the images finished before it are kept).
 */
export async function buildImages(plan: BuildPlan, options: BuildImagesOptions): Promise<BuildReport> {
  const engine = await detectEngine(options);
  options.onProgress?.({
    type: 'engine',
    engine,
    message:
      engine.builder === 'classic'
        ? `docker (engine ${engine.version}) has no buildx plugin: building with the classic builder (DOCKER_BUILDKIT=0)`
        : `building with ${engine.engine} ${engine.version}${engine.builder === 'buildx' ? ' (buildx)' : ''}`,
  });
  const outDir = resolve(options.outDir);
  const written = await writeImageContexts(plan.images, outDir);
  const logsDir = join(outDir, 'logs');
  await mkdir(logsDir, { recursive: true });
  const total = written.length;
  const images: BuildReport['images'] = [];
  for (const [position, image] of written.entries()) {
    options.signal?.throwIfAborted();
    const began = performance.now();
    const progress = (status: 'skipped' | 'building' | 'built', fraction: number, message: string) =>
      options.onProgress?.({ type: 'image', image: image.name, ref: image.ref, index: position + 1, total, status, fraction, message });
    const existing = await localImageSize(engine, image.ref, options);
    if (existing !== undefined) {
      progress('skipped', 1, `${image.ref} is already built`);
      images.push({ name: image.name, ref: image.ref, status: 'skipped', sizeBytes: existing, durationMs: performance.now() - began });
      continue;
    }
    const logPath = join(logsDir, `${image.name}.log`);
    progress('building', 0, `building ${image.ref}`);
    await buildOne(engine, image, logPath, options, (fraction, message) => progress('building', fraction, message));
    const size = await localImageSize(engine, image.ref, options);
    if (size === undefined) {
      throw new ImageBuildFailedError({ image: image.ref, engine: engine.engine, lastLines: [`the build succeeded but ${engine.engine} has no image ${image.ref}`], logPath });
    }
    progress('built', 1, `built ${image.ref}`);
    images.push({ name: image.name, ref: image.ref, status: 'built', sizeBytes: size, durationMs: performance.now() - began, logPath });
  }
  return { mode: plan.mode, engine, images };
}
