/** Exit codes for the preflight and bootstrap error codes (see ../exit-codes.ts for the ranges). */
export const preflightExitCodes: Readonly<Record<string, number>> = {
  /** A check before the job failed (a tool, environment, model, disk, secret): nothing ran; each failure names its fix. */
  PREFLIGHT_FAILED: 70,
  /** Some bootstrap items failed; the rest were done or already up to date. */
  BOOTSTRAP_FAILED: 71,
  /** `--cache-models` with `--skip-cache`. */
  BOOTSTRAP_OPTIONS_INVALID: 72,
};
