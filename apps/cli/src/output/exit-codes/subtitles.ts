/** Exit codes for the subtitles error codes (see ../exit-codes.ts for the ranges). */
export const subtitlesExitCodes: Readonly<Record<string, number>> = {
  /** The file parsed, and some cues break the preset: scripts can tell this from a broken file. */
  SUBTITLES_LINT_VIOLATIONS: 50,
  SUBTITLES_FILE_UNREADABLE: 51,
  SUBTITLES_UNPARSEABLE: 52,
  SUBTITLES_PRESET_UNKNOWN: 53,
  SUBTITLES_INPUT_INVALID: 54,
  /** `bollyx subtitles convert` would replace a file: --force says it may. (50–54 are taken.) */
  SUBTITLES_OUTPUT_EXISTS: 96,
};
