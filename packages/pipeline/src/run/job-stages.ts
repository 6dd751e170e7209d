import type { JobConfig } from '@bollyx/job-config';
import type { JobStages } from '@bollyx/preflight';
import { pipelineBackends, pythonStageNeeds } from '../graph/python-backends';

/** What the pipeline runs for a config: the stages `bollyx preflight` checks and `bollyx bootstrap` sets up. */
export function jobStages(config: JobConfig): JobStages {
  return { whisperCpp: pipelineBackends(config).whisperCpp, python: pythonStageNeeds(config) };
}

/**
 * What preflight checks under a container runtime: what the host runs. whisper-cli and the Python stages
 * run in images, so no engine, build tools, Python or environment is needed here; their models are pulled
 * before the first stage (the model cache is mounted into the containers). The config is read through
 * jobStages all the same, so a config the pipeline cannot run fails the config check.
 */
export function hostStages(config: JobConfig): JobStages {
  jobStages(config);
  return { whisperCpp: false, python: [] };
}
