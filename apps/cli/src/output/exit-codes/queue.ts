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
  /** The artifact store (shared folder or S3 bucket) did not answer or refused the request. */
  ARTIFACT_STORE_UNREACHABLE: 104,
  /** The artifact store has no object under that key. */
  ARTIFACT_NOT_FOUND: 105,
  /** A file moved through the artifact store does not have the sha256 recorded for it. */
  ARTIFACT_CORRUPT: 106,
};
