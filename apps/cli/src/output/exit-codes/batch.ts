/** Exit codes for `bollyx batch` (see ../exit-codes.ts for the ranges). */
export const batchExitCodes: Readonly<Record<string, number>> = {
  /** The inputs hold no media file: a usage mistake. */
  BATCH_NO_MEDIA: 2,
  /** Some films failed (each with its own code in the table and the summary); the rest finished. Run again to retry them. */
  BATCH_INCOMPLETE: 95,
};
