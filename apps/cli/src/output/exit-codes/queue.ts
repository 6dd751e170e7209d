/** Exit codes for the error codes of @bollyx/queue (see ../exit-codes.ts for the ranges). */
export const queueExitCodes: Readonly<Record<string, number>> = {
  /** Redis did not answer at the URL given (shown without its password). */
  QUEUE_UNREACHABLE: 100,
  /** No job with that id in the queues searched. */
  QUEUE_JOB_NOT_FOUND: 101,
  /** The job is not in a state the command applies to (retrying one that has not failed). */
  QUEUE_JOB_STATE: 102,
  /** A job's data is not a film job this worker can run. */
  QUEUE_JOB_INVALID: 103,
};
