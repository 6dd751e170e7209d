export { prepareJob } from './prepare-job';
export type { PrepareJobOptions, PrepareProgress } from './prepare-job';
export { loadJob } from './load-job';
export type { LoadJobOptions } from './load-job';
export { listJobs } from './list-jobs';
export type { ListedJob } from './list-jobs';
export { cleanJobs, CleanJobsResultSchema } from './clean-jobs';
export type { CleanJobsOptions, CleanJobsResult } from './clean-jobs';
export { resolveConfig } from './resolve-config';
export type { ConfigFileLayer, ConfigSources, ResolvedConfig } from './resolve-config';
export { findConfigFile, jobConfigFile, loadConfigFile } from './load-config-file';
export { CONFIG_FIELDS } from './config-fields';
export { probeMedia, MediaInfoSchema } from './probe-media';
export { tagMatchesLanguage, toIso6392 } from './language-codes';
export type { MediaInfo, ProbeMediaOptions } from './probe-media';
export { resolveWorkspace } from './workspace';
export type { WorkspaceOptions } from './workspace';
export { jobConfigJsonSchema, jobFileJsonSchema } from './json-schema';
export { JobConfigSchema, LanguageSchema } from './config-schema';
export type { AsrBackend, JobConfig, JobConfigInput, Language, MuxContainer, SubtitleFormat, TranslationBackend } from './config-schema';
export { JOB_ID_PATTERN, JobFileSchema } from './job-schema';
export type { Job, JobFile } from './job-schema';
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
  JobNotRemovableError,
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
