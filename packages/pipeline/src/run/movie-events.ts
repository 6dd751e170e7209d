import type { EngineBuildProgress, ModelProgress } from '@bollyx/environment-manager';
import type { PipelineEvent } from '@bollyx/stage-runner';

/** The whisper.cpp engine is being built from source (no prebuilt engine fits this machine). */
export interface EngineBuildEvent extends EngineBuildProgress {
  type: 'engine-build';
}

/** A model is being verified, downloaded or unpacked into the model cache. */
export interface ModelProgressEvent {
  type: 'model-progress';
  progress: ModelProgress;
}

/** Something the caller should know that does not stop the run (e.g. flags a prepared job ignores). */
export interface RunWarningEvent {
  type: 'warning';
  code: 'JOB_CONFIG_KEPT' | 'LANGUAGE_AUTO' | 'BURN_IN_NO_VIDEO';
  message: string;
}

/** Everything a whole run reports, in order: setup (engine, models), then the stages' own events. */
export type MovieRunEvent = EngineBuildEvent | ModelProgressEvent | RunWarningEvent | PipelineEvent;
