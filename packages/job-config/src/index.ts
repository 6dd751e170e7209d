export { prepareJob } from './prepare-job';
export type { PrepareJobOptions, PrepareProgress } from './prepare-job';
export { loadJob } from './load-job';
export type { LoadJobOptions } from './load-job';
export { listJobs } from './list-jobs';
export type { ListedJob } from './list-jobs';
export { resolveConfig } from './resolve-config';
export type { ConfigFileLayer, ConfigSources, ResolvedConfig } from './resolve-config';
export { CONFIG_FILE_NAME, findConfigFile, jobConfigFile, loadConfigFile } from './load-config-file';
export { CONFIG_FIELDS } from './config-fields';
export type { ConfigField, ConfigFieldKind } from './config-fields';
export { probeMedia, MediaInfoSchema } from './probe-media';
export { ISO_639_1_CODES, tagMatchesLanguage, toIso6392 } from './language-codes';
export type { MediaInfo, ProbeMediaOptions } from './probe-media';
export { DEFAULT_WORKSPACE, resolveWorkspace } from './workspace';
export type { WorkspaceOptions } from './workspace';
export { jobConfigJsonSchema, jobFileJsonSchema } from './json-schema';
export { JOB_FILE_SCHEMA_URL } from './job-file';
export {
  AsrBackendSchema,
  ConfigSourceSchema,
  JobConfigSchema,
  LanguageSchema,
  MuxContainerSchema,
  ProvenanceSchema,
  SourceLanguageSchema,
  SpeakerStyleSchema,
  SubtitleFormatSchema,
  TranslationBackendSchema,
  WorkflowSchema,
} from './config-schema';
export type {
  AsrBackend,
  ConfigSource,
  JobConfig,
  JobConfigInput,
  Language,
  MuxContainer,
  Provenance,
  SourceLanguage,
  SpeakerStyle,
  SubtitleFormat,
  TranslationBackend,
  Workflow,
} from './config-schema';
export {
  JOB_FILE_NAME,
  JOB_FOLDERS,
  JOB_ID_PATTERN,
  JobFileSchema,
  JobIdSchema,
  JobStateSchema,
  MediaMethodSchema,
} from './job-schema';
export type { Job, JobFile, JobFolder, JobState, MediaMethod } from './job-schema';
export {
  AudioStreamNotFoundError,
  ClipFailedError,
  ClipOutOfRangeError,
  ConfigFileInvalidError,
  ConfigFileNotFoundError,
  ConfigInvalidError,
  FfmpegNotFoundError,
  JobCancelledError,
  JobFileInvalidError,
  JobIncompleteError,
  JobNotFoundError,
  MediaEmptyError,
  MediaNoAudioError,
  MediaNoDurationError,
  MediaNotAFileError,
  MediaNotFoundError,
  MediaNotReadableError,
  MediaTruncatedError,
  MediaUnrecognizedError,
  WorkspaceInvalidError,
} from './errors';
export type { ConfigIssue } from './errors';
