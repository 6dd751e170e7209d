import { isBollyxError } from '@bollyx/errors';
import type { BollyxError } from '@bollyx/errors';
import { environmentForFamily } from '@bollyx/environment-manager';
import type { EnvironmentSpec, StageFamily } from '@bollyx/environment-manager';
import type { JobConfig } from '@bollyx/job-config';
import type { JobStages } from './job-stages';

/** A model the job loads and the stage that loads it (said in the check's "why"). */
export interface NeededModel {
  model: string;
  why: string;
}

/** What a job with this config needs on this machine, before anything is checked. */
export interface JobNeeds {
  /** asr.backend whisper.cpp runs the whisper.cpp engine. */
  engine: boolean;
  /** Models of the in-process stages: the ggml Whisper model (a registry name or a path) and Silero VAD. */
  registryModels: NeededModel[];
  /** The Python environments serving the job's Python stages, once each, with the families they serve here. */
  environments: Array<{ spec: EnvironmentSpec; families: StageFamily[] }>;
  /** Stage families no environment serves on this platform (mlx off Apple Silicon), with the reason. */
  unservable: Array<{ family: StageFamily; error: BollyxError }>;
  /** Hugging Face models of the Python stages. */
  hubModels: NeededModel[];
}

/** The engine, models and environments a job needs, from its config and the stages its pipeline runs. */
export async function jobNeeds(config: JobConfig, stages: JobStages, env: NodeJS.ProcessEnv): Promise<JobNeeds> {
  const registryModels: NeededModel[] = [];
  if (stages.whisperCpp) registryModels.push({ model: config.asr.model, why: 'whisper.cpp recognises the speech with this model' });
  if (config.vad.enabled) registryModels.push({ model: 'silero-vad', why: 'voice-activity detection finds the speech with Silero VAD' });

  const environments: JobNeeds['environments'] = [];
  const unservable: JobNeeds['unservable'] = [];
  for (const { family } of stages.python) {
    try {
      const spec = await environmentForFamily(family, { env });
      const known = environments.find((entry) => entry.spec.name === spec.name);
      if (known) known.families.push(family);
      else environments.push({ spec, families: [family] });
    } catch (error) {
      if (!isBollyxError(error)) throw error;
      unservable.push({ family, error });
    }
  }
  const hubModels = stages.python.flatMap(({ family, models }) => models.map((model) => ({ model, why: `the ${family} stage loads ${model}` })));
  return { engine: stages.whisperCpp, registryModels, environments, unservable, hubModels };
}
