/** Exit codes for the job error codes (see ../exit-codes.ts for the ranges): one per way a job can be refused. */
export const jobExitCodes: Readonly<Record<string, number>> = {
  CONFIG_INVALID: 10,
  CONFIG_FILE_NOT_FOUND: 11,
  CONFIG_FILE_INVALID: 12,
  MEDIA_NOT_FOUND: 13,
  MEDIA_NOT_A_FILE: 14,
  MEDIA_NOT_READABLE: 15,
  MEDIA_EMPTY: 16,
  MEDIA_UNRECOGNIZED: 17,
  MEDIA_TRUNCATED: 18,
  MEDIA_NO_AUDIO: 19,
  MEDIA_NO_DURATION: 20,
  AUDIO_STREAM_NOT_FOUND: 21,
  CLIP_OUT_OF_RANGE: 22,
  CLIP_FAILED: 23,
  FFMPEG_NOT_FOUND: 24,
  WORKSPACE_INVALID: 25,
  JOB_NOT_FOUND: 26,
  JOB_INCOMPLETE: 27,
  JOB_FILE_INVALID: 28,
  /** `bollyx jobs clean` could not remove an abandoned job folder (permissions): the rest were cleaned. */
  JOB_NOT_REMOVABLE: 29,
};
