import { resolve } from 'node:path';
import { container, modelCachePath } from './container';
import type { ContainerExecutor, PythonExecutor, StageContext } from './executor';
import type { StageDefinition } from '../stage-definition';

/** The image that runs a stage, and the command prefix that starts the stage's program in it. */
export interface StageImageRef {
  /** `bollyx/<name>:<tag>`: part of the stage's key. */
  image: string;
  /** e.g. `['/usr/local/bin/whisper-cli']`, `['python', '-u', '/opt/bollyx/python/asr_faster_whisper.py']`. */
  entry: readonly string[];
}

export interface ContainerizeStagesOptions {
  engine: 'docker' | 'podman';
  /** The image of a binary or Python stage; undefined keeps the stage on the host. */
  imageFor(stage: StageDefinition): StageImageRef | undefined;
  /** The host's model cache (bollyx's cache folder): mounted read-only at /models. */
  modelCacheDir: string;
  /** The images have no GPU runtime (the docker-cpu ones): the stages in them run on the CPU, with no --gpus. */
  cpuOnly?: boolean;
}

function pythonInContainer(run: PythonExecutor, image: StageImageRef): Pick<ContainerExecutor, 'command' | 'request'> {
  const { request } = run;
  return {
    command: (ctx) => [...image.entry, ...(run.args?.(ctx) ?? [])],
    ...(request === undefined ? {} : { request: (ctx: StageContext) => request(ctx) }),
  };
}

/**
 * The stages with each binary or Python stage that `imageFor` gives an image for turned into a container
 * stage of `engine`: `[...entry, ...the same arguments]` in that image, the job folder at /job, the model
 * cache read-only at /models. Environment values that are paths in the model cache (HF_HOME,
 * HF_HUB_CACHE, PYANNOTE_CACHE, TORCH_HOME, MLX_CACHE_DIR) become the same paths under /models; other values pass as
 * they are, by name. A Python stage keeps its per-attempt request (its paths rewritten to the container's
 * when it is written) and its environment's fingerprint becomes the image reference: no host venv runs it.
 * In-process stages are returned as they are. Pure.
 */
export function containerizeStages(stages: readonly StageDefinition[], options: ContainerizeStagesOptions): StageDefinition[] {
  const modelCacheDir = resolve(options.modelCacheDir);
  const containerEnv = (env: Readonly<Record<string, string>> | undefined) =>
    env === undefined ? undefined : Object.fromEntries(Object.entries(env).map(([name, value]) => [name, modelCachePath(modelCacheDir, value) ?? value]));

  return stages.map((stage) => {
    const { run } = stage;
    if (run.kind !== 'binary' && run.kind !== 'python') return stage;
    const image = options.imageFor(stage);
    if (image === undefined) return stage;
    const env = containerEnv(run.env);
    const device = options.cpuOnly ? { device: { preferred: 'cpu' as const, fallback: [] } } : {};
    const shared = {
      engine: options.engine,
      image: image.image,
      modelCacheDir,
      ...(env === undefined ? {} : { env }),
      ...(run.parseProgress === undefined ? {} : { parseProgress: run.parseProgress }),
      ...(run.isDeviceError === undefined ? {} : { isDeviceError: run.isDeviceError }),
      ...(run.explainFailure === undefined ? {} : { explainFailure: run.explainFailure }),
    };
    if (run.kind === 'binary') {
      return { ...stage, ...device, run: container({ ...shared, command: (ctx, host) => [...image.entry, ...run.args(ctx, host)] }) };
    }
    return {
      ...stage,
      ...device,
      ...(stage.environment === undefined ? {} : { environment: { name: stage.environment.name, fingerprint: image.image } }),
      run: container({ ...shared, ...pythonInContainer(run, image) }),
    };
  });
}
