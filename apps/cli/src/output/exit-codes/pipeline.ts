/**
 * Exit codes for the pipeline error codes (see ../exit-codes.ts for the ranges). 40–42 are the engine's
 * (@bollyx/stage-runner); 43–49 are left for the built-in stages. Cancellation is the generic CANCELLED (130).
 */
export const pipelineExitCodes: Readonly<Record<string, number>> = {
  /** The stage list is not a pipeline: bad definition, unknown stage, cycle, clashing outputs, bad options. */
  PIPELINE_INVALID: 40,
  /** Another live run holds the job folder's lock. */
  PIPELINE_LOCKED: 41,
  /** A stage failed (the stage's own error is in the summary); its dependents were skipped. */
  PIPELINE_FAILED: 42,
};
