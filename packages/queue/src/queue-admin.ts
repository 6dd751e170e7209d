import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { cancelMarkerKey, markCancelled } from './cancel-marker';
import { QueueJobNotFoundError, QueueJobStateError } from './errors';
import { DEFAULT_QUEUE, filmJobFailureSchema, type FilmJobFailure } from './film-job';
import { withQueues } from './with-queues';

export interface QueueAdminOptions {
  redis: string;
  /** The queues to look in (default `films`). */
  queues?: readonly string[];
}

// waiting-children: a segmented film's later segments, until the one before them is done.
const STATES = ['active', 'waiting', 'waiting-children', 'delayed', 'failed', 'completed'] as const;

export interface FilmJobStatus {
  id: string;
  queue: string;
  state: string;
  film: unknown;
  /** The stages of the film's segment it runs; absent for a whole film. */
  stages?: unknown;
  progress: unknown;
  attemptsMade: number;
  /** Parsed from BullMQ's failedReason when it is one of ours, else the raw text. */
  failure?: FilmJobFailure | string;
}

export interface QueueStatus {
  queues: { name: string; counts: Record<string, number>; jobs: FilmJobStatus[] }[];
}

/** BullMQ's reason of a segment failed by the segment before it (`failParentOnFailure`): that job's Redis key. */
const FAILED_CHILD = /^child (\S+) failed$/;

/** The job's failure; a segment failed by the one before it has that one's, down the chain to the stage that failed. */
async function failureOf(job: Job, client: Redis): Promise<FilmJobFailure | string | undefined> {
  let reason = job.failedReason;
  for (let child = FAILED_CHILD.exec(reason ?? ''); child !== null; child = FAILED_CHILD.exec(reason)) {
    const before = await client.hget(child[1]!, 'failedReason');
    if (!before) break;
    reason = before;
  }
  if (!reason) return undefined;
  try {
    return filmJobFailureSchema.parse(JSON.parse(reason));
  } catch {
    return reason;
  }
}

const statusOf = async (job: Job, queue: string, client: Redis): Promise<FilmJobStatus> => {
  const failure = await failureOf(job, client);
  const { film, stages } = job.data as { film?: unknown; stages?: unknown };
  return {
    id: job.id!,
    queue,
    state: await job.getState(),
    film,
    ...(stages === undefined ? {} : { stages }),
    progress: job.progress,
    attemptsMade: job.attemptsMade,
    ...(failure === undefined ? {} : { failure }),
  };
};

/** Counts by state and every job (at most 100 per queue, newest first) of each queue. */
export async function queueStatus(options: QueueAdminOptions): Promise<QueueStatus> {
  const names = options.queues ?? [DEFAULT_QUEUE];
  return withQueues(options.redis, names, async (queues, client) => ({
    queues: await Promise.all(
      queues.map(async (queue) => ({
        name: queue.name,
        counts: await queue.getJobCounts(...STATES),
        jobs: await Promise.all((await queue.getJobs([...STATES], 0, 99)).map((job) => statusOf(job, queue.name, client))),
      })),
    ),
  }));
}

/** The job `id` in the first of `queues` that has it; QUEUE_JOB_NOT_FOUND otherwise. */
export async function findJob(queues: Queue[], id: string): Promise<Job> {
  for (const queue of queues) {
    const job = await queue.getJob(id);
    if (job) return job;
  }
  throw new QueueJobNotFoundError(id, queues.map((queue) => queue.name));
}

/**
 * Cancels a film job: a waiting or delayed one is removed; a running one is aborted by its worker (which
 * keeps running), and fails as CANCELLED without further tries. Returns what happened.
 */
export async function cancelJob(id: string, options: QueueAdminOptions): Promise<{ id: string; outcome: 'removed' | 'cancelling' | 'finished' }> {
  return withQueues(options.redis, options.queues ?? [DEFAULT_QUEUE], async (queues, client) => {
    const job = await findJob(queues, id);
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') return { id, outcome: 'finished' };
    await markCancelled(client, id);
    if (state === 'active') return { id, outcome: 'cancelling' };
    await job.remove();
    return { id, outcome: 'removed' };
  });
}

/** Puts a failed (or cancelled) film job back in its queue with a fresh set of tries. */
export async function retryJob(id: string, options: QueueAdminOptions): Promise<{ id: string }> {
  return withQueues(options.redis, options.queues ?? [DEFAULT_QUEUE], async (queues, client) => {
    const job = await findJob(queues, id);
    const state = await job.getState();
    if (state !== 'failed') throw new QueueJobStateError(id, state, 'failed');
    await client.del(cancelMarkerKey(id));
    await job.retry('failed', { resetAttemptsMade: true });
    return { id };
  });
}

/** Removes the finished (completed and failed) jobs older than `graceMs` (default 0: all); returns their ids by state. */
export async function cleanQueue(options: QueueAdminOptions & { graceMs?: number }): Promise<{ completed: string[]; failed: string[] }> {
  return withQueues(options.redis, options.queues ?? [DEFAULT_QUEUE], async (queues) => {
    const removed = { completed: [] as string[], failed: [] as string[] };
    for (const queue of queues) {
      for (const state of ['completed', 'failed'] as const) removed[state].push(...(await queue.clean(options.graceMs ?? 0, 0, state)));
    }
    return removed;
  });
}
