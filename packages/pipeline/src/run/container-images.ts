import { imagesForStages, type ImageStage, type StageImage } from '@bollyx/docker-builder';
import type { JobStages } from '@bollyx/preflight';
import { ContainerImageMissingError } from '@bollyx/stage-runner';
import type { ImageMode } from './runtime';

/** The images that run a job's whisper-cli and Python stages, by the image stage they serve. */
export interface ContainerImages {
  engine: 'docker' | 'podman';
  mode: ImageMode;
  images: ReadonlyMap<ImageStage, StageImage>;
}

/**
 * The image of each stage the job runs in a container (whisper-cli: `asr-whispercpp`; a Python stage: its
 * family), asked of the engine before anything runs or downloads. Any image the engine lacks fails the run
 * with ContainerImageMissingError naming them all (hint `bollyx docker build --mode …`); a stage no image
 * of the mode runs (mlx on Linux) fails with IMAGE_STAGE_UNSUPPORTED; no engine with CONTAINER_ENGINE_MISSING.
 */
export async function containerImages(
  stages: JobStages,
  options: { engine: 'docker' | 'podman'; mode: ImageMode; signal: AbortSignal | undefined },
): Promise<ContainerImages> {
  const { engine, mode, signal } = options;
  const wanted = new Set<ImageStage>([...(stages.whisperCpp ? (['asr-whispercpp'] as const) : []), ...stages.python.map(({ family }) => family)]);
  const images = await imagesForStages(wanted, mode, { engine, signal });
  const missing = [...images].filter(([, found]) => !found.exists).map(([stage, found]) => ({ stage, image: found.image }));
  if (missing.length > 0) throw new ContainerImageMissingError(missing, { engine, mode });
  return { engine, mode, images };
}
