export { modelRegistry } from './model-registry';
export {
  ModelRegistrySchema,
  ModelEntrySchema,
  ModelOriginSchema,
  UrlOriginSchema,
  NpmOriginSchema,
  ModelKindSchema,
  DigestAlgorithmSchema,
} from './model-registry-schema';
export type { ModelRegistry, ModelEntry, ModelOrigin, UrlOrigin, NpmOrigin, ModelKind, DigestAlgorithm } from './model-registry-schema';
export type { ModelCacheOptions } from './model-cache-options';
export type { ModelProgress, ModelOperationOptions } from './model-progress';
export type { ModelFileState, ModelCachePaths } from './model-file-state';
export { modelsDir } from './models-dir';
export { resolveModel } from './resolve-model';
export type { ResolvedModel } from './resolve-model';
export { pullModel } from './pull-model';
export type { PullModelOptions, PulledModel } from './pull-model';
export { verifyModel } from './verify-model';
export type { VerifyModelOptions, ModelVerification } from './verify-model';
export { inspectWhisperModel } from './inspect-whisper-model';
export type { InspectWhisperModelOptions, WhisperModelFacts } from './inspect-whisper-model';
export { listModels } from './list-models';
export type { ListedModel } from './list-models';
export {
  ModelUnknownError,
  ModelNotPresentError,
  ModelFetchError,
  ModelChecksumMismatchError,
  ModelFileInvalidError,
  ModelConfigInvalidError,
  ModelCancelledError,
} from './model-errors';
export type { ModelFetchFailure, ModelChecksumFailure, PullFunction } from './model-errors';
