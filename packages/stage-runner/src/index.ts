export { runPipeline } from './run-pipeline';
export type { RunPipelineOptions } from './run-pipeline';
export { planPipeline } from './pipeline-plan';
export type { PipelinePlan, StageMode, StageSelection } from './pipeline-plan';
export { stageDefinitionSchema, stageParamsSchema } from './stage-definition';
export type { Stage, StageDefinition, StageParams } from './stage-definition';
export { inProcess } from './executors/in-process';
export { binary } from './executors/binary';
export { python } from './executors/python';
export { container } from './executors/container';
export type {
  AttemptFailure,
  BinaryExecutor,
  ContainerExecutor,
  DeviceErrorClassifier,
  Executor,
  ExecutorKind,
  InProcessExecutor,
  ProgressParser,
  PythonExecutor,
  StageContext,
} from './executors/executor';
export { deviceSchema, looksLikeDeviceError } from './device';
export type { Device } from './device';
export { manifestSchema } from './manifest';
export type { Manifest } from './manifest';
export { errorInfoSchema, pipelineEventSchema, pipelineSummarySchema, stageResultSchema } from './events';
export type { ErrorInfo, PipelineEvent, PipelineEventType, PipelineSummary, StageResult } from './events';
export {
  ContainerMountPathError,
  PipelineCancelledError,
  PipelineDefinitionError,
  PipelineFailedError,
  PipelineLockedError,
  StageCommandFailedError,
  StageCrashedError,
  StageInputMissingError,
  StageNotCachedError,
  StageOutputMissingError,
  StageOutputUndeclaredError,
  StageTimeoutError,
} from './errors';
export type { JobLockHolder } from './errors';
