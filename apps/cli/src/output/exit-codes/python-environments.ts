/** Exit codes for the Python environment error codes (see ../exit-codes.ts for the ranges). */
export const pythonEnvironmentExitCodes: Readonly<Record<string, number>> = {
  /** No spec by that name (or no spec serves that stage family). */
  ENVIRONMENT_UNKNOWN: 60,
  ENVIRONMENT_MISSING: 61,
  ENVIRONMENT_STALE: 62,
  ENVIRONMENT_BROKEN: 63,
  /** The spec is for other platforms (mlx off Apple Silicon). */
  ENVIRONMENT_UNSUPPORTED: 64,
  ENVIRONMENT_SPEC_INVALID: 65,
  PYTHON_NOT_FOUND: 66,
  /** The venv, the install or the probes failed; any previous environment is untouched. */
  ENVIRONMENT_CREATE_FAILED: 67,
};
