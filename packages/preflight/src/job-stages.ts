import type { StageFamily } from '@bollyx/environment-manager';
import type { JobConfig } from '@bollyx/job-config';

/**
 * What a job's pipeline runs, from its config: whether whisper.cpp recognises the speech, and each Python
 * stage family with the hub models it loads. @bollyx/stage-runner knows this (`pipelineBackends(config)
 * .whisperCpp`, `pythonStageNeeds(config)`); the caller passes it in, so the checks follow exactly what
 * the pipeline will run.
 */
export interface JobStages {
  whisperCpp: boolean;
  python: ReadonlyArray<{ family: StageFamily; models: readonly string[] }>;
}

/** Reads a config's stages; may throw a BollyxError for a config the pipeline cannot run (a translator without a model for the language pair). */
export type JobStagesOf = (config: JobConfig) => JobStages;
