/** Exit codes for the file-system error codes of @bollyx/errors (see ../exit-codes.ts for the ranges). */
export const fileSystemExitCodes: Readonly<Record<string, number>> = {
  /** No space (or quota) left where bollyx writes; finished work is kept for the next run. */
  DISK_FULL: 90,
  /** The path is on a file system mounted read-only. */
  PATH_READ_ONLY: 91,
  /** This user may not write there. */
  PATH_NOT_WRITABLE: 92,
  /** A file is where a folder belongs, or the reverse. */
  PATH_BLOCKED: 93,
  /** A folder above the path does not exist. */
  PATH_PARENT_MISSING: 94,
};
