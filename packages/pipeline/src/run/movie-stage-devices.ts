import { jobConfigFile, resolveConfig, resolveWorkspace, type JobConfig } from '@bollyx/job-config';
import type { Device, StageDefinition } from '@bollyx/stage-runner';
import { buildSubtitlePipeline } from '../graph/build-subtitle-pipeline';
import { pythonStageNeeds } from '../graph/python-backends';
import { configLayer } from './config-layer';
import { settingsLayer, type MovieSettings } from './movie-settings';

export interface MovieStageDevicesOptions extends MovieSettings {
  /** Folder holding `bollyx.config.yaml` (default: BOLLYX_WORKSPACE, else `./bollyx-work`). */
  workspace?: string;
  /** A config file to use instead of the workspace's `bollyx.config.yaml`, or a config object of the same shape. */
  config?: string | Record<string, unknown>;
}

export interface MovieStageDevice {
  id: string;
  /** The stages it reads from. */
  needs: string[];
  /** Whether it prefers a GPU (cuda or metal) on a machine that has one. */
  gpu: boolean;
}

/** The config as a machine with this GPU would run it: every stage that has a device setting on it. */
const onGpu = (config: JobConfig, device: Device): JobConfig => ({
  ...config,
  asr: { ...config.asr, device },
  translation: { ...config.translation, device },
  diarization: { ...config.diarization, device },
});

/** The stages as on a machine with this GPU: only ids, needs and devices are read, so the tools and models are named, not found. */
function stagesOnGpu(config: JobConfig, device: Device): StageDefinition[] {
  return buildSubtitlePipeline({
    config: onGpu(config, device),
    mediaPath: 'media',
    whisperCli: { binary: 'whisper-cli', version: 'any', backend: device },
    asrModelPath: 'asr-model',
    vadModelPath: 'vad-model',
    python: Object.fromEntries(pythonStageNeeds(config).map(({ family }) => [family, { environment: { name: family, fingerprint: family }, model: family }])),
    threads: 1,
    // A film has video: its shots (and burn-in) stages are routed too.
    hasVideo: true,
  });
}

const prefersGpu = (stage: StageDefinition | undefined) => (stage?.device?.preferred ?? 'cpu') !== 'cpu';

/**
 * The stages a movie's job runs with these settings (the workspace config, the settings and the
 * BOLLYX_* variables, as a job is prepared), in the pipeline's order, each with what it needs and whether
 * it runs best on a GPU: what `@bollyx/queue` routes between CPU and GPU machines. No machine's
 * recommendation is read: it picks models, threads and devices, never which stages run.
 */
export async function movieStageDevices(options: MovieStageDevicesOptions = {}): Promise<MovieStageDevice[]> {
  const workspace = resolveWorkspace({ workspace: options.workspace, env: process.env });
  const file = await jobConfigFile(workspace, configLayer(options.config));
  const { config } = resolveConfig({ file, flags: settingsLayer(options), env: process.env });
  // A stage that only Metal runs (MLX) prefers a GPU too.
  const onMetal = new Map(stagesOnGpu(config, 'metal').map((stage) => [stage.id, stage]));
  return stagesOnGpu(config, 'cuda').map((stage) => ({ id: stage.id, needs: stage.needs ?? [], gpu: prefersGpu(stage) || prefersGpu(onMetal.get(stage.id)) }));
}
