import type { JobConfig } from '@bollyx/job-config';
import type { JobStages } from '@bollyx/preflight';
import { pipelineBackends, pythonStageNeeds } from '@bollyx/stage-runner';

/** What the pipeline runs for a config: the stages `bollyx preflight` checks and `bollyx bootstrap` sets up. */
export function jobStages(config: JobConfig): JobStages {
  return { whisperCpp: pipelineBackends(config).whisperCpp, python: pythonStageNeeds(config) };
}
