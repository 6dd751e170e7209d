/** Exit codes for the subtitles error codes (see ../exit-codes.ts for the ranges). */
export const subtitlesExitCodes: Readonly<Record<string, number>> = {};
