// The whisper.cpp engine: built from the pinned source into the engines folder or taken from the prebuilt
// platform package, found, listed, and the argument array, progress and JSON output of one whisper-cli run.
export { buildWhisperEngine } from './build-whisper-engine';
export type { BuildWhisperEngineOptions } from './build-whisper-engine';
export { buildPortableEngine } from './build-portable-engine';
export type { BuildPortableEngineOptions } from './build-portable-engine';
export { ensureWhisperEngine } from './ensure-whisper-engine';
export { findWhisperEngine, installedWhisperEngine } from './find-whisper-engine';
export { listEngines } from './list-engines';
export { planPortableEngine, planWhisperEngine } from './plan-whisper-engine';
export { prebuiltPackageName } from './prebuilt-engine';
export { PrebuiltManifestSchema } from './prebuilt-manifest';
export type { PrebuiltManifest } from './prebuilt-manifest';
export type { WhisperEnginePlan } from './plan-whisper-engine';
export type { WhisperSource } from './whisper-source';
export { enginesDir } from './engines-dir';
export { EngineHardwareSchema } from './engine-options';
export type { EngineHardware, EngineOptions } from './engine-options';
export { EngineBackendSchema, EngineOriginSchema, EngineRecordSchema } from './engine-record';
export type { EngineBackend, EngineOrigin, EngineRecord } from './engine-record';
export { EngineBuildProgressSchema } from './engine-build-progress';
export type { EngineBuildProgress } from './engine-build-progress';
export {
  EngineBinaryBrokenError,
  EngineBuildCancelledError,
  EngineBuildFailedError,
  EngineOutputInvalidError,
  EngineSourceMissingError,
  EngineToolMissingError,
} from './engine-errors';
export type { EngineBuildFailure } from './engine-errors';
export { whisperCliArgs, WhisperCliOptionsSchema } from './whisper-cli-args';
export type { WhisperCliOptions } from './whisper-cli-args';
export { whisperTokenCounter, promptMaxContext } from './whisper-prompt-tokens';
export { parseWhisperProgress } from './parse-whisper-progress';
export { readWhisperOutput, WhisperOutputSchema, WhisperSegmentSchema, WhisperTokenSchema } from './whisper-output';
export type { WhisperOutput } from './whisper-output';
