import type { StageFamily } from '@bollyx/environment-manager';
import type { BuildMode } from './build-mode';
import { detectEngine, type DetectedEngine, type EngineOptions } from './container-engine';
import type { DefaultImageGraphOptions } from './default-image-graph';
import { CONTAINER_PYTHON_DIR, CONTAINER_WHISPER_CLI } from './dockerfiles';
import { ImageStageUnsupportedError } from './docker-errors';
import type { ImageGraphInput } from './image-graph';
import { localImageSize } from './image-inventory';
import { planBuild } from './plan-build';
import { stageFamilyScripts } from '@bollyx/python-stages';

/** The stages an image can run: Python stage families, whisper-cli ASR, and the ffmpeg/Node stages. */
export type ImageStage = StageFamily | 'asr-whispercpp' | 'demux' | 'mux' | 'vad';

export interface StageImage {
  /** The image's reference, `bollyx/<name>:<tag>`, for the container executor. */
  image: string;
  /** The graph node, e.g. `whisperx-cuda`. */
  name: string;
  /** Whether the engine has it; false means `bollyx docker build --mode <mode>` first. */
  exists: boolean;
  /** The command prefix that runs the stage inside the image; the stage's own arguments follow. */
  entry: string[];
}

function entryFor(stage: string): string[] {
  if (stage === 'asr-whispercpp') return [CONTAINER_WHISPER_CLI];
  if (stage === 'demux' || stage === 'mux') return ['ffmpeg'];
  if (stage === 'vad') return ['node'];
  const script = stageFamilyScripts[stage as StageFamily];
  // -u: progress lines reach the runner as they are written.
  return script === undefined ? ['python', '-u'] : ['python', '-u', `${CONTAINER_PYTHON_DIR}/${script}.py`];
}

type ImageForStageOptions = EngineOptions & DefaultImageGraphOptions & { graph?: ImageGraphInput };

/**
 * The image that runs each of `stages` in `mode`, and whether the engine already has it: what
 * `bollyx run --runtime docker|podman` hands the stage-runner's container executor. The mode is planned
 * and the engine detected once for all of them. Throws ImageStageUnsupportedError for the first stage no
 * image of the mode runs (mlx on Linux, ASR in `native`).
 */
export async function imagesForStages(
  stages: Iterable<ImageStage>,
  mode: BuildMode,
  options: ImageForStageOptions = {},
): Promise<Map<ImageStage, StageImage>> {
  const plan = await planBuild(mode, options.graph, options);
  // Detected at the first stage an image serves, so an unsupported stage before it is reported first.
  let engine: Promise<DetectedEngine> | undefined;
  const found = new Map<ImageStage, StageImage>();
  for (const stage of stages) {
    const image = plan.images.find((candidate) => candidate.serves.includes(stage));
    if (image === undefined) {
      const excluded = plan.excluded.find((entry) => entry.serves.includes(stage));
      throw new ImageStageUnsupportedError(stage, mode, [...new Set(plan.images.flatMap((candidate) => candidate.serves))], excluded?.reason);
    }
    const size = await localImageSize(await (engine ??= detectEngine(options)), image.ref, options);
    found.set(stage, { image: image.ref, name: image.name, exists: size !== undefined, entry: entryFor(stage) });
  }
  return found;
}

/** The image that runs `stage` in `mode`, and whether the engine already has it (see imagesForStages). */
export async function imageForStage(stage: ImageStage, mode: BuildMode, options: ImageForStageOptions = {}): Promise<StageImage> {
  return (await imagesForStages([stage], mode, options)).get(stage)!;
}
