import path from 'node:path';
import {
  checkEnvironment,
  ensureWhisperEngine,
  environmentError,
  environmentForFamily,
  envVarsFor,
  hubModelState,
  modelRegistry,
  planWhisperEngine,
  pullHubModel,
  pullModel,
  resolveModel,
} from '@bollyx/environment-manager';
import type { ModelProgress } from '@bollyx/environment-manager';
import type { HardwareProfile } from '@bollyx/hardware-detection';
import type { JobConfig } from '@bollyx/job-config';
import { engineHardwareOf } from '@bollyx/preflight';
import { pipelineBackends, pythonStageNeeds } from '../graph/python-backends';
import type { PythonStageNeed } from '../graph/python-backends';
import type { SubtitlePipelineOptions } from '../graph/subtitle-pipeline-options';
import type { ContainerImages } from './container-images';
import type { EngineBuildEvent, ModelProgressEvent } from './movie-events';

type PythonRuntimes = NonNullable<SubtitlePipelineOptions['python']>;
type WhisperCli = NonNullable<SubtitlePipelineOptions['whisperCli']>;
type Environments = Map<PythonStageNeed['family'], { name: string; fingerprint: string }>;

export interface Provisions {
  /** whisper-cli and its ggml model, when whisper.cpp runs (the default ASR backend): the engine built here, or the image's. */
  whisperCli: WhisperCli | undefined;
  asrModelPath: string | undefined;
  vadModelPath: string;
  /** What each Python stage family runs with: environment, env vars, model. */
  python: PythonRuntimes;
}

export interface ProvisionOptions {
  config: JobConfig;
  profile: HardwareProfile | undefined;
  offline: boolean | undefined;
  signal: AbortSignal | undefined;
  onEvent: (event: EngineBuildEvent | ModelProgressEvent) => void;
  /**
   * Under `--runtime docker|podman`: whisper-cli and the Python stages run in these images, so no engine is
   * built and no environment checked here; their models are still pulled (the model cache is mounted).
   */
  containers?: ContainerImages | undefined;
}

/**
 * The environment of every Python stage family the job runs, checked without starting Python: one that
 * is missing, stale, broken or unsupported throws its typed error naming the fix (`bollyx env create
 * whisperx`), so the run stops before anything starts or downloads.
 */
async function pythonEnvironments(needs: readonly PythonStageNeed[]): Promise<Environments> {
  const environments: Environments = new Map();
  for (const { family } of needs) {
    const spec = await environmentForFamily(family);
    const status = await checkEnvironment(spec.name);
    const problem = environmentError(status);
    if (problem !== undefined) throw problem;
    environments.set(family, { name: spec.name, fingerprint: status.record!.fingerprint });
  }
  return environments;
}

/** In a container the image is the environment: its reference is the stages' fingerprint, no host venv is read. */
function imageEnvironments(needs: readonly PythonStageNeed[], containers: ContainerImages): Environments {
  return new Map(
    needs.map(({ family }) => {
      const { name, image } = containers.images.get(family)!;
      return [family, { name, fingerprint: image }];
    }),
  );
}

/** The whisper.cpp engine, built now with progress when missing; under a container runtime, the image's whisper-cli. */
async function whisperCliFor(options: ProvisionOptions): Promise<WhisperCli> {
  const { containers, signal } = options;
  if (containers !== undefined) {
    const { entry } = containers.images.get('asr-whispercpp')!;
    // The image's whisper-cli is compiled from the same pinned whisper.cpp source as the native engine.
    const { source } = await planWhisperEngine();
    return { binary: entry[0]!, version: source.version, backend: containers.mode === 'docker-gpu' ? 'cuda' : 'cpu' };
  }
  return ensureWhisperEngine({
    ...(options.profile === undefined ? {} : { hardware: engineHardwareOf(options.profile) }),
    ...(signal === undefined ? {} : { signal }),
    onProgress: (event) => options.onEvent({ type: 'engine-build', ...event }),
  });
}

/**
 * What the stages need before any runs: the Python environments of the job's backends (checked first),
 * the whisper.cpp engine (built now, with progress, when missing) and its Whisper model when whisper.cpp
 * runs, Silero VAD, and the hub models of the Python stages (pulled with
 * progress when missing, unless offline; checked in the cache when present), with the environment
 * variables each Python stage runs with. Under a container runtime the images stand in for the engine and
 * the environments; the models are provisioned all the same.
 */
export async function provision(options: ProvisionOptions): Promise<Provisions> {
  const { signal, config } = options;
  const needs = pythonStageNeeds(config);
  const environments = options.containers === undefined ? await pythonEnvironments(needs) : imageEnvironments(needs, options.containers);
  const whisperCli = pipelineBackends(config).whisperCpp ? await whisperCliFor(options) : undefined;

  const onProgress = (progress: ModelProgress) => options.onEvent({ type: 'model-progress', progress });
  const pull = (name: string) => pullModel(name, { signal, offline: options.offline, onProgress });
  let asrModelPath: string | undefined;
  if (whisperCli !== undefined) {
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
  return { whisperCli, asrModelPath, vadModelPath, python };
}
