import path from 'node:path';
import type { Job } from '@bollyx/job-config';
import { resolveWorkspace } from '@bollyx/job-config';
import { cacheRoot, resolveInterpreter } from '@bollyx/environment-manager';
import {
  buildSubtitlePipeline,
  containerizeStages,
  deliverOutputs,
  imageStageOf,
  readSpeechSpans,
  runPipeline,
  subtitlePipelineOutputs,
} from '@bollyx/stage-runner';
import type { PresetOverrides, SubtitlePipelineOutputs } from '@bollyx/stage-runner';
import { defineCommand } from 'citty';
import { createPipelineProgress } from '../../output/progress/pipeline-progress';
import { CONFIG_FLAG_ARGS, configFlags, WORKSPACE_ARGS } from '../../output/config-flags';
import { runAction } from '../../output/run-action';
import { PreflightFailedError, runPreflight } from '@bollyx/preflight';
import type { JobStagesOf } from '@bollyx/preflight';
import { jobStages } from '../../pipeline/job-stages';
import { containerImages } from './container-images';
import { provision } from './provision';
import { resolveJob } from './resolve-job';
import { renderRunSummary, runSummaryStage } from './run-summary';
import type { RunSummary } from './run-summary';
import { chosenImageMode, chosenRuntime, RUNTIME_ARGS } from './runtime-args';
import { withStopSignals } from '../../process/stop-signals';
import { detectMachine } from '../../hardware/detect-machine';

const STYLE_FIELDS = ['maxCharsPerLine', 'maxLines', 'maxCharsPerSecond', 'minDurationSeconds', 'maxDurationSeconds', 'minGapFrames'] as const;

/** The subtitle limits the user set (not defaults): they replace the preset's, which are per language. */
function presetOverrides(job: Job): PresetOverrides {
  return Object.fromEntries(
    STYLE_FIELDS.filter((field) => job.provenance[`subtitles.${field}`] !== 'default').map((field) => [field, job.config.subtitles[field]]),
  );
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
 * What preflight checks under a container runtime: what the host runs. whisper-cli and the Python stages
 * run in images, so no engine, build tools, Python or environment is needed here; their models are pulled
 * by provision before the first stage (the model cache is mounted into the containers). The config is
 * read through jobStages all the same, so a config the pipeline cannot run fails the config check.
 */
const hostStages: JobStagesOf = (config) => {
  jobStages(config);
  return { whisperCpp: false, python: [] };
};

export default defineCommand({
  meta: {
    name: 'run',
    description: 'Movie in, subtitles out: prepare a job (or resume one) and run its stages, cached and resumable',
  },
  args: {
    media: { type: 'positional', description: 'The movie, or the id or folder of a prepared job', required: true },
    ...CONFIG_FLAG_ARGS,
    from: { type: 'string', description: 'Re-run this stage and every stage after it' },
    only: { type: 'string', description: 'Re-run just this stage (the stages before it must be cached)' },
    force: { type: 'boolean', description: 'Run every stage again, ignoring the cache' },
    outputDir: { type: 'string', description: 'Also copy the subtitles and videos here (never over an existing file)' },
    offline: { type: 'boolean', description: 'Never download (default: BOLLYX_OFFLINE); missing models fail' },
    ...WORKSPACE_ARGS,
    ...RUNTIME_ARGS,
    json: { type: 'boolean', description: 'Progress as JSON lines on stdout; the last line is the run summary' },
  },
  run: ({ args }) =>
    runAction({ json: args.json }, () =>
      withStopSignals(async (signal) => {
        const json = Boolean(args.json);
        const workspace = resolveWorkspace({ workspace: args.workspace, env: process.env });
        const runtime = chosenRuntime(args.runtime, process.env);
        const { profile, recommendation } = await detectMachine(workspace, signal);
        const { job, ignoredFlags } = await resolveJob(args.media, { workspace, configFile: args.config, recommendation, flags: configFlags(args), signal });
        if (ignoredFlags.length > 0) {
          process.stderr.write(
            `bollyx: warning: job ${job.id} keeps the config it was prepared with; ignoring ${ignoredFlags.join(', ')} (run \`bollyx run <media> …\` to make a job with them)\n`,
          );
        }
        const { config } = job;
        if (config.sourceLanguage === 'auto') {
          process.stderr.write('bollyx: warning: source language auto: Whisper often hears Hindi as Urdu; pass -s hi when you know it\n');
        }

        const mediaPath = path.join(job.dir, job.media.file);
        // Checks first, so a job that would stop partway (no ffmpeg, a missing environment, no disk) does not start.
        const report = await runPreflight({
          config: { resolved: config },
          stagesOf: runtime === 'native' ? jobStages : hostStages,
          mediaPath,
          mediaInfo: job.media.info,
          workspace,
          profile,
          env: process.env,
          // A missing engine or model is built or pulled below (which fails clearly when offline).
          provisions: true,
          signal,
        });
        if (!report.ok) throw new PreflightFailedError(report.checks.filter((check) => !check.ok));
        // Every image is asked for before anything is built or pulled: a missing one names the build command.
        const containers =
          runtime === 'native' ? undefined : await containerImages(jobStages(config), { engine: runtime, mode: chosenImageMode(args.imageMode, profile), signal });
        const found = await provision({ config, profile, offline: args.offline || undefined, json, signal, containers });
        const built = buildSubtitlePipeline({
          config,
          mediaPath,
          whisperCli: found.whisperCli,
          asrModelPath: found.asrModelPath,
          vadModelPath: found.vadModelPath,
          python: found.python,
          threads: config.asr.threads ?? recommendation?.threads.value ?? 4,
          presetOverrides: presetOverrides(job),
        });
        // whisper-cli and the Python stages go into their images; the in-process stages stay here.
        const stages =
          containers === undefined
            ? built
            : containerizeStages(built, {
                engine: containers.engine,
                modelCacheDir: cacheRoot(process.env),
                cpuOnly: containers.mode === 'docker-cpu',
                imageFor: (stage) => {
                  const imageStage = imageStageOf(stage);
                  return imageStage === undefined ? undefined : containers.images.get(imageStage);
                },
              });

        const progress = createPipelineProgress({ json });
        let pipeline;
        try {
          pipeline = await runPipeline(stages, {
            jobDir: job.dir,
            force: args.force,
            from: args.from,
            only: args.only,
            signal,
            onEvent: (event) => progress.onEvent(event),
            resolveInterpreter: (environment) => resolveInterpreter(environment),
          });
        } finally {
          progress.stop();
        }

        const produced = subtitlePipelineOutputs(config, mediaPath);
        const outputs =
          args.outputDir === undefined
            ? absolute(job.dir, produced)
            : await deliverOutputs({ jobDir: job.dir, outputs: produced, stem: path.basename(job.source.path, path.extname(job.source.path)), dir: args.outputDir });
        const spans = await readSpeechSpans(job.dir);
        const summary: RunSummary = {
          ok: true,
          jobId: job.id,
          jobDir: job.dir,
          stages: pipeline.stages.map(runSummaryStage),
          outputs,
          speechFound: spans.segments.length > 0,
        };
        process.stdout.write(json ? `${JSON.stringify(summary)}\n` : renderRunSummary(summary));
      }),
    ),
});
