export { runPipeline } from './run-pipeline';
export type { RunPipelineOptions } from './run-pipeline';
export { planPipeline } from './pipeline-plan';
export type { PipelinePlan, StageSelection } from './pipeline-plan';
export { stageDefinitionSchema } from './stage-definition';
export type { Stage, StageDefinition, StageParams } from './stage-definition';
export { inProcess } from './executors/in-process';
export { binary } from './executors/binary';
export { python } from './executors/python';
export { container } from './executors/container';
export { containerizeStages } from './executors/containerize-stages';
export type { ContainerizeStagesOptions, StageImageRef } from './executors/containerize-stages';
export { ContainerImageMissingError } from './executors/container-errors';
export { guardedExeca } from './executors/guarded-execa';
export type { ChildGuard } from './executors/guarded-execa';
export type {
  AttemptFailure,
  BinaryExecutor,
  ContainerExecutor,
  Executor,
  InProcessExecutor,
  PythonExecutor,
  StageContext,
} from './executors/executor';
export { deviceSchema, looksLikeDeviceError } from './device';
export type { Device } from './device';
export { manifestSchema, readManifest } from './manifest';
export type { Manifest } from './manifest';
export { pipelineEventSchema, pipelineSummarySchema, stageResultSchema } from './events';
export type { PipelineEvent, PipelineSummary, StageResult } from './events';
export {
  ContainerMountPathError,
  PipelineCancelledError,
  PipelineDefinitionError,
  PipelineFailedError,
  PipelineLockedError,
  StageCommandFailedError,
  StageCrashedError,
  StageOutputInvalidError,
  StageInputMissingError,
  StageNotCachedError,
  StageOutputMissingError,
  StageOutputUndeclaredError,
  StageTimeoutError,
  TrustedOutputMismatchError,
} from './errors';
export { DEFAULT_LOCK_STALE_MS } from './job-lock';
