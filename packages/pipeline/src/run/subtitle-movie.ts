import path from 'node:path';
import { cacheRoot, resolveInterpreter } from '@bollyx/environment-manager';
import { withFileSystemErrors } from '@bollyx/errors';
import { resolveWorkspace } from '@bollyx/job-config';
import { PreflightFailedError, runPreflight } from '@bollyx/preflight';
import { containerizeStages, runPipeline } from '@bollyx/stage-runner';
import { buildSubtitlePipeline } from '../graph/build-subtitle-pipeline';
import { deliverOutputs } from '../graph/deliver-outputs';
import { pickVideoEncoder } from '../stages/burn-in/video-encoder';
import { imageStageOf } from '../graph/image-stage-of';
import { llmModelIdentity } from '../graph/llm-translation-stages';
import { pipelineBackends } from '../graph/python-backends';
import { subtitlePipelineOutputs, type SubtitlePipelineOutputs } from '../graph/pipeline-layout';
import { configLayer } from './config-layer';
import { containerImages } from './container-images';
import { detectMachine } from './detect-machine';
import { finishedOutputs, speechFound } from './finished-outputs';
import { hostStages, jobStages } from './job-stages';
import type { MovieRunEvent } from './movie-events';
import { settingsLayer, type MovieSettings } from './movie-settings';
import { presetOverrides } from './preset-overrides';
import { namesSettings } from './names-settings';
import { provision } from './provision';
import { resolveJob } from './resolve-job';
import { checkRunOptions } from './run-options';
import { runSummaryStage, type RunSummary } from './run-summary';
import { chosenImageMode, chosenRuntime, type ImageMode, type Runtime } from './runtime';

export interface SubtitleMovieOptions extends MovieSettings {
  /** Folder holding `jobs/` and optionally `bollyx.config.yaml` (default: BOLLYX_WORKSPACE, else `./bollyx-work`). */
  workspace?: string;
  /** A config file to use instead of the workspace's `bollyx.config.yaml`, or a config object of the same shape. */
  config?: string | Record<string, unknown>;
  /** Where whisper-cli and the Python stages run (default: BOLLYX_RUNTIME, else native). */
  runtime?: Runtime;
  /** The images a container runtime runs (default: docker-gpu with an NVIDIA GPU, else docker-cpu). */
  imageMode?: ImageMode;
  /** Also copy the subtitles and videos here, never over an existing file. */
  outputDir?: string;
  /** Never download: a missing model fails (default: BOLLYX_OFFLINE). */
  offline?: boolean;
  /** Re-run this stage and every stage after it. */
  from?: string;
  /** Re-run just this stage (the stages before it must be cached). */
  only?: string;
  /**
   * Run just these stages, as one machine of several runs its part of a job (`@bollyx/queue`'s segments):
   * the stages before them are trusted from their manifests, and with a prepared job (its id or folder) as
   * the target preflight does not check the movie, so a machine running a later segment need not see it.
   * Excludes `from` and `only`.
   */
  segment?: readonly string[];
  /** Run every stage again, ignoring the cache. */
  force?: boolean;
  signal?: AbortSignal;
  /** Every event of the run, in order: setup (engine build, model downloads, warnings), then the stages'. */
  onEvent?: (event: MovieRunEvent) => void;
}

const absolute = (jobDir: string, outputs: SubtitlePipelineOutputs): SubtitlePipelineOutputs => ({
  subtitles: Object.fromEntries(
    Object.entries(outputs.subtitles).map(([language, files]) => [
      language,
      Object.fromEntries(Object.entries(files).map(([format, file]) => [format, path.join(jobDir, file)])),
    ]),
  ),
  video: Object.fromEntries(Object.entries(outputs.video).map(([container, file]) => [container, path.join(jobDir, file)])),
});

/**
 * Movie in, subtitles out: everything `bollyx run` does, in one call. `target` is a movie (a job made from
 * the same file with the same config is reused, so calling again resumes it) or the id or folder of a
 * prepared job. Checks the machine first (preflight), builds or pulls what is missing (engine, models;
 * images and Python environments are checked), runs the stages with the config's subtitle limits, and
 * delivers the outputs. Throws the typed errors of the packages it composes (`PreflightFailedError`,
 * `ConfigInvalidError`, `MediaNotFoundError`, `PipelineFailedError`, `PipelineCancelledError`, …); a
 * failed or cancelled run keeps every finished stage for the next call.
 */
export async function subtitleMovie(target: string, options: SubtitleMovieOptions = {}): Promise<RunSummary> {
  // The BOLLYX_* settings, the runtime and the caches' locations come from the process's environment, as for the CLI.
  const workspace = resolveWorkspace({ workspace: options.workspace, env: process.env });
  // A write the file system refuses anywhere in the run (a full disk, a read-only mount) is reported as that.
  return withFileSystemErrors(() => runMovie(target, workspace, options), { path: workspace });
}

async function runMovie(target: string, workspace: string, options: SubtitleMovieOptions): Promise<RunSummary> {
  const { signal } = options;
  const { env } = process;
  const emit = (event: MovieRunEvent) => options.onEvent?.(event);
  await checkRunOptions(options);
  const runtime = chosenRuntime(options.runtime, env);
  const { profile, recommendation } = await detectMachine(workspace, signal);
  const flags = settingsLayer(options);
  const { job, ignoredFlags } = await resolveJob(target, { workspace, configFile: configLayer(options.config), recommendation, flags, env, signal });
  if (ignoredFlags.length > 0) {
    emit({
      type: 'warning',
      code: 'JOB_CONFIG_KEPT',
      message: `job ${job.id} keeps the config it was prepared with; ignoring ${ignoredFlags.join(', ')} (run the movie itself to make a job with them)`,
    });
  }
  const { config } = job;
  if (config.sourceLanguage === 'auto') {
    emit({ type: 'warning', code: 'LANGUAGE_AUTO', message: 'source language auto: Whisper often hears Hindi as Urdu; set the source language (-s hi) when you know it' });
  }

  const mediaPath = path.join(job.dir, job.media.file);
  // A later segment of a prepared job trusts the stages that read the movie: its machine need not see it.
  const checksMedia = options.segment === undefined || (job.id !== target && job.dir !== path.resolve(target));
  // Checks first, so a job that would stop partway (no ffmpeg, a missing environment, no disk) does not start.
  const report = await runPreflight({
    config: { resolved: config },
    stagesOf: runtime === 'native' ? jobStages : hostStages,
    ...(checksMedia ? { mediaPath, mediaInfo: job.media.info } : {}),
    workspace,
    profile,
    env,
    // A missing engine or model is built or pulled below (which fails clearly when offline).
    provisions: true,
    ...(signal === undefined ? {} : { signal }),
  });
  if (!report.ok) throw new PreflightFailedError(report.checks.filter((check) => !check.ok));
  // Every image is asked for before anything is built or pulled: a missing one names the build command.
  const containers =
    runtime === 'native' ? undefined : await containerImages(jobStages(config), { engine: runtime, mode: chosenImageMode(options.imageMode, profile), signal });
  const offline = options.offline || undefined;
  const found = await provision({ config, profile, offline, signal, containers, onEvent: emit });
  const hasVideo = job.media.info.videoStreams.length > 0;
  if (!hasVideo && config.output.burnIn !== undefined) {
    emit({ type: 'warning', code: 'BURN_IN_NO_VIDEO', message: `${job.media.file} has no video: no subtitles are burned in (--burn-in ${config.output.burnIn})` });
  }
  const built = buildSubtitlePipeline({
    config,
    mediaPath,
    whisperCli: found.whisperCli,
    asrModelPath: found.asrModelPath,
    vadModelPath: found.vadModelPath,
    python: found.python,
    threads: recommendation.threads.value,
    presetOverrides: presetOverrides(job),
    ...(config.names.enabled ? { names: await namesSettings({ sourcePath: job.source.path, workspace, env, offline: options.offline }) } : {}),
    hasVideo,
    ...(hasVideo && config.output.burnIn !== undefined ? { videoEncoder: await pickVideoEncoder(profile, signal) } : {}),
    ...(pipelineBackends(config).llm ? { llmModel: await llmModelIdentity(config, signal) } : {}),
  });
  // whisper-cli and the Python stages go into their images; the in-process stages stay here.
  const stages =
    containers === undefined
      ? built
      : containerizeStages(built, {
          engine: containers.engine,
          modelCacheDir: cacheRoot(env),
          cpuOnly: containers.mode === 'docker-cpu',
          imageFor: (stage) => {
            const imageStage = imageStageOf(stage);
            return imageStage === undefined ? undefined : containers.images.get(imageStage);
          },
        });

  const pipeline = await runPipeline(stages, {
    jobDir: job.dir,
    force: options.force,
    from: options.from,
    only: options.only,
    ...(options.segment === undefined ? {} : { segment: [...options.segment] }),
    ...(signal === undefined ? {} : { signal }),
    onEvent: emit,
    resolveInterpreter: (environment) => resolveInterpreter(environment),
  });

  const produced = await finishedOutputs(job.dir, subtitlePipelineOutputs(config, mediaPath));
  const outputs =
    options.outputDir === undefined
      ? absolute(job.dir, produced)
      : await deliverOutputs({ jobDir: job.dir, outputs: produced, stem: path.basename(job.source.path, path.extname(job.source.path)), dir: options.outputDir });
  const heard = await speechFound(job.dir);
  return {
    ok: true,
    jobId: job.id,
    jobDir: job.dir,
    stages: pipeline.stages.map(runSummaryStage),
    outputs,
    ...(heard === undefined ? {} : { speechFound: heard }),
  };
}
