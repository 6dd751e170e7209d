import { BollyxError } from '@bollyx/errors';

/** Redis did not answer at `url` (shown without its password). */
export class QueueUnreachableError extends BollyxError {
  constructor(url: string, cause: unknown) {
    super('QUEUE_UNREACHABLE', `Redis at ${url} is not reachable: ${cause instanceof Error ? cause.message : String(cause)}`, {
      hint: 'Start Redis there (redis-server), or pass the right URL to --redis / BOLLYX_REDIS_URL (submitFilms/startWorker `redis`)',
      cause,
      details: { url },
    });
  }
}

/** No film job with this id in the queues searched. */
export class QueueJobNotFoundError extends BollyxError {
  constructor(id: string, queues: readonly string[]) {
    super('QUEUE_JOB_NOT_FOUND', `No job ${id} in queue ${queues.join(', ')}`, {
      hint: 'List the jobs with `bollyx queue status` (queueStatus), and name the queue it went to with --queues',
      details: { id, queues },
    });
  }
}

/** The job is not in a state the operation applies to (retrying a job that has not failed). */
export class QueueJobStateError extends BollyxError {
  constructor(id: string, state: string, wanted: string, action = 'retried') {
    super('QUEUE_JOB_STATE', `Job ${id} is ${state}: only a ${wanted} job can be ${action}`, {
      hint: 'See its state with `bollyx queue status` (queueStatus)',
      details: { id, state },
    });
  }
}

/** A job's data is not a film job this worker can run (made by another tool, or asks for what this version lacks). */
export class QueueJobInvalidError extends BollyxError {
  constructor(id: string, reason: string) {
    super('QUEUE_JOB_INVALID', `Job ${id} is not a film job this worker can run: ${reason}`, {
      hint: 'Submit films with `bollyx submit` (submitFilms) from the same bollyx version as the workers',
      details: { id },
    });
  }
}
