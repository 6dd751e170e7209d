import { stat } from 'node:fs/promises';
import { modelRegistry, resolveModel } from '@bollyx/environment-manager';
import type { HardwareProfile } from '@bollyx/hardware-detection';
import type { JobConfig, MediaInfo } from '@bollyx/job-config';
import type { CheckDefinition } from './check-definition';
import type { PreflightReport } from './check-result';
import { assessConfig, configCheck, type PreflightConfig } from './config-check';
import { burnInCheck } from './burn-in-check';
import { diskCheck } from './disk-check';
import type { DiskEstimateInput } from './estimate-disk';
import { engineCheck, inspectEngine } from './engine-check';
import { environmentVariantOf } from './engine-hardware';
import { environmentCheck, unservableCheck } from './environment-check';
import { ggmlModelCheck } from './ggml-model-check';
import { hubModelCheck } from './hub-model-check';
import { jobNeeds, type JobNeeds } from './job-needs';
import type { JobStagesOf } from './job-stages';
import { mediaCheck } from './media-check';
import { mediaProbe } from './media-probe';
import { nearestExisting } from './nearest-existing';
import { hostPackageManager } from './package-manager';
import { preflightCacheDir } from './preflight-cache-dir';
import { pythonCheck } from './python-check';
import { runChecks } from './run-checks';
import { gatedModels, secretCheck } from './secret-check';
import { toolCheck } from './tool-check';
import { CMAKE, cxxRequirement, FFMPEG, FFPROBE, MAKE } from './tool-requirements';
import { workspaceCheck } from './workspace-check';

export interface RunPreflightOptions {
  /** The job's config: `{ resolved }` for a prepared job, `{ sources }` (file, flags, env) to resolve and validate here. */
  config: PreflightConfig;
  /** The film to run: its size (and duration) go into the disk estimate; a film not yet in a job is probed and checked. */
  mediaPath?: string;
  /** What ffprobe found, for a prepared job's media (job.yaml's `media.info`): spares the probe, and the media is in the job already. */
  mediaInfo?: MediaInfo;
  /** What the config's pipeline runs (from @bollyx/stage-runner): decides the engine, environments and models checked. */
  stagesOf: JobStagesOf;
  workspace: string;
  /** This machine, detected with `workspace` as its workspace: its `disk` is the free space there, measured on every detection. */
  profile: HardwareProfile;
  /** Default `process.env`: PATH, BOLLYX_CACHE_DIR and the other BOLLYX_* settings, HF tokens. */
  env?: NodeJS.ProcessEnv;
  /** Check everything again instead of trusting results cached in the last 24 hours. */
  refresh?: boolean;
  /**
   * The caller builds a missing whisper.cpp engine and pulls missing models itself (as `bollyx run`
   * does): their absence passes, with a note, instead of failing.
   */
  provisions?: boolean;
  signal?: AbortSignal;
}

/** Registry models not in the cache yet, in bytes: they will be downloaded. */
async function missingModelBytes(needs: JobNeeds | undefined, env: NodeJS.ProcessEnv): Promise<number> {
  const sizes = await Promise.all(
    (needs?.registryModels ?? []).map(async ({ model }) => {
      const entry = modelRegistry.find((candidate) => candidate.name === model);
      return entry && !(await resolveModel(model, { env })).present ? entry.size : 0;
    }),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

async function diskEstimateInput(
  options: RunPreflightOptions,
  config: JobConfig | undefined,
  needs: JobNeeds | undefined,
  probe: (() => Promise<MediaInfo>) | undefined,
  env: NodeJS.ProcessEnv,
): Promise<DiskEstimateInput> {
  const muxContainers = config?.output.mux.enabled ? config.output.mux.containers.length : 0;
  const modelBytes = await missingModelBytes(needs, env);
  const media = options.mediaPath === undefined ? undefined : await stat(options.mediaPath).catch(() => undefined);
  if (media === undefined) return { muxContainers, modelBytes };
  const durationSeconds = options.mediaInfo?.durationSeconds ?? (await probe?.().catch(() => undefined))?.durationSeconds;
  // A film on another file system than the workspace cannot be hard-linked into its job: it is copied.
  const copied = options.mediaInfo === undefined && media.dev !== (await nearestExisting(options.workspace)).stats?.dev;
  return { media: { sizeBytes: media.size, durationSeconds, copied }, muxContainers, modelBytes };
}

/**
 * Checks this machine before a job: the config, ffmpeg and ffprobe, the build tools when the whisper.cpp
 * engine is still to be built (none built here, no prebuilt package that serves it), Python when a Python
 * backend is configured, the engine, the workspace, the Python environments and the models the job's
 * stages need, a Hugging Face token where a gated model is still to be fetched, the media, and free disk
 * against an estimate. Passed checks are cached for 24 hours under a hash of what they checked, so a change
 * anywhere re-checks it; free disk is measured every time.
 * Never throws for a failed check: `ok` is false and each failed check names its fix.
 */
export async function runPreflight(options: RunPreflightOptions): Promise<PreflightReport> {
  const env = options.env ?? process.env;
  const { profile, signal } = options;
  const cacheDir = preflightCacheDir(env);
  const assessment = assessConfig(options.config, options.stagesOf);
  const config = assessment.ok ? assessment.config : undefined;
  const [packageManager, needs] = await Promise.all([hostPackageManager(), assessment.ok ? jobNeeds(assessment.config, assessment.stages, env) : undefined]);
  const tools = { env, packageManager, signal };
  const probe = options.mediaPath === undefined || options.mediaInfo !== undefined ? undefined : mediaProbe(options.mediaPath, { cacheDir, signal });

  const checks: CheckDefinition[] = [configCheck(assessment), toolCheck(FFMPEG, tools), toolCheck(FFPROBE, tools)];
  if (needs?.engine) {
    // The build tools matter only while no engine serves this hardware: none built, no prebuilt package.
    if ((await inspectEngine(profile, env)).installed === undefined) {
      checks.push(toolCheck(CMAKE, tools), toolCheck(MAKE, tools), toolCheck(cxxRequirement(env), tools));
    }
    checks.push(engineCheck({ profile, env, buildsMissing: options.provisions }));
  }
  if (needs && needs.environments.length > 0) {
    checks.push(pythonCheck({ ranges: needs.environments.map(({ spec }) => spec.python), env, packageManager, signal }));
  }
  checks.push(workspaceCheck(options.workspace));
  if (config?.output.burnIn !== undefined) checks.push(burnInCheck(config.output.burnIn, { env, packageManager, signal }));
  if (needs) {
    const variant = environmentVariantOf(profile);
    checks.push(
      ...needs.unservable.map(unservableCheck),
      ...needs.environments.map(({ spec }) => environmentCheck({ spec, variant, env, deep: true })),
      ...needs.registryModels.map(({ model, why }) => ggmlModelCheck({ model, why, env, pullsMissing: options.provisions })),
      ...needs.hubModels.map(({ model, why }) => hubModelCheck({ model, why, env, pullsMissing: options.provisions })),
    );
    const gated = gatedModels(needs.hubModels.map(({ model }) => model));
    if (gated.length > 0) checks.push(secretCheck({ gated, env }));
  }
  if (probe && options.mediaPath !== undefined) checks.push(mediaCheck(options.mediaPath, probe));
  checks.push(diskCheck({ disk: profile.disk, estimateInput: () => diskEstimateInput(options, config, needs, probe, env) }));

  const results = await runChecks(checks, { cacheDir, refresh: options.refresh, signal });
  return { ok: results.every((check) => check.ok), checks: results };
}
