import { runSummarySchema, subtitleMovie, type RunSummary } from '@bollyx/pipeline';
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import { openArtifactStore, type ArtifactStoreConfig } from './artifacts/artifact-store-config';
import { CANCEL_CHANNEL, cancelMarkerKey } from './cancel-marker';
import { QueueJobInvalidError } from './errors';
import { cancelledFailure, filmFailure } from './film-failure';
import { filmInWorkspace, pullJob, pushJob } from './film-artifacts';
import { filmJobDataSchema, storedJobSchema, type FilmJobData, type FilmJobFailure, type FilmJobProgress, type StoredJob } from './film-job';
import { trackFilmProgress } from './film-progress';
import { connectForWorker } from './redis-connection';
import { redactRedisUrl } from './redis-url';
import { workerGpu, workerName } from './worker-name';
import { defaultWorkerQueues } from './worker-plan';

export interface StartWorkerOptions {
  /** redis://[user:password@]host:port[/db] */
  redis: string;
  /** The queues to take films and segments from (default `films` and `cpu`, and `gpu` first for a worker given a GPU). */
  queues?: readonly string[];
  /** Films run at once, per queue (default 1). */
  concurrency?: number;
  /** The GPU this worker runs on, for its name (default: CUDA_VISIBLE_DEVICES's first device). */
  gpu?: number;
  /** The workspace the films' jobs live in (default: BOLLYX_WORKSPACE); shared by all workers, their finished stages are reused. */
  workspace?: string;
  /** Aborting it closes the worker gracefully: running films finish, no new one starts. */
  signal?: AbortSignal;
  onEvent?: (event: WorkerEvent) => void;
  /**
   * How long a film's lock lives without renewal (default 30 s) and how often workers look for films whose
   * worker died (default 30 s): together, how soon a dead worker's film goes to another one.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /**
   * The artifact store films submitted with one go through (the submitter's, as this machine reaches it):
   * the film is downloaded into `workspace`, a later segment's job files pulled from it, and each job's
   * stage outputs pushed to it, so the workers share no folder. Without it, films and jobs are read in place.
   */
  artifacts?: ArtifactStoreConfig;
}

/** What a job returns: the run summary, with its files' place in the artifact store when it went through one. */
export type FilmJobResult = RunSummary & { stored?: StoredJob };

export type WorkerEvent =
  | { type: 'worker-ready'; worker: string; queues: readonly string[]; redis: string }
  /** `stages`: the segment of the film the job runs (absent: the whole film). */
  | { type: 'job-start'; id: string; queue: string; film: string; attempt: number; stages?: string[] }
  | { type: 'job-progress'; id: string; progress: FilmJobProgress }
  /** `stored`: where its files went in the artifact store. */
  | { type: 'job-done'; id: string; summary: RunSummary; stored?: StoredJob }
  | { type: 'job-failed'; id: string; failure: FilmJobFailure }
  /** Stopped by a forced close and put back in its queue for another worker. */
  | { type: 'job-released'; id: string }
  /** Redis went away or refused a command; the worker keeps reconnecting. */
  | { type: 'redis-error'; message: string }
  | { type: 'worker-closing'; force: boolean }
  | { type: 'worker-closed' };

export interface FilmWorker {
  /** host/pid, or host/gpuN/pid: in each job's log and progress. */
  name: string;
  /** Stops taking films and waits for the running ones; `force` stops them instead and puts them back in their queue, their try not spent. */
  close(options?: { force?: boolean }): Promise<void>;
  /** Settles once the worker is closed. */
  closed: Promise<void>;
}

const previousSegmentSchema = runSummarySchema.pick({ jobDir: true }).extend({ stored: storedJobSchema.optional() });
type PreviousSegment = ReturnType<typeof previousSegmentSchema.parse>;

/** What the segment before a later segment returned (its job folder, and its place in a store); undefined for a film or a first segment. */
async function previousSegment(job: Job, data: FilmJobData): Promise<PreviousSegment | undefined> {
  if (data.stages === undefined) return undefined;
  const before = Object.values(await job.getChildrenValues());
  if (before.length === 0) return undefined;
  const parsed = previousSegmentSchema.safeParse(before[0]);
  if (!parsed.success) throw new QueueJobInvalidError(job.id!, 'the segment before it returned no job folder');
  return parsed.data;
}

/** A stage's own progress goes to Redis at most this often; starts and ends of stages always go. */
const PROGRESS_INTERVAL_MS = 1_000;

/**
 * Starts a worker that takes film jobs from the queues and runs each with `subtitleMovie`: progress
 * through `job.updateProgress`, a failure as JSON (code, hint, stage) in the job's failed reason, tried
 * again with backoff up to the job's attempts. A cancel request (`cancelJob`) aborts the film and the job
 * fails as CANCELLED for good. The worker outlives Redis restarts. Throws QueueUnreachableError when Redis
 * does not answer at start.
 */
export async function startWorker(options: StartWorkerOptions): Promise<FilmWorker> {
  const emit = (event: WorkerEvent) => options.onEvent?.(event);
  const onRedisError = (error: Error) => emit({ type: 'redis-error', message: error.message });
  const gpu = workerGpu(options.gpu);
  const name = workerName(gpu);
  const queues = options.queues ?? defaultWorkerQueues(gpu !== undefined);
  const client = await connectForWorker(options.redis, onRedisError);
  const subscriber = client.duplicate();
  subscriber.on('error', onRedisError);
  // Aborted on a forced close: the films stop, their children are killed.
  const shutdown = new AbortController();
  const cancelled = new Set<string>();
  const store = options.artifacts === undefined ? undefined : openArtifactStore(options.artifacts);

  const processFilm = async (job: Job, token: string | undefined, cancel: AbortSignal | undefined): Promise<FilmJobResult> => {
    const id = job.id!;
    const parsed = filmJobDataSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(JSON.stringify(filmFailure(new QueueJobInvalidError(id, parsed.error.message), undefined, name)));
    const data = parsed.data;
    const previous = await previousSegment(job, data).catch((error: unknown) => {
      throw new UnrecoverableError(JSON.stringify(filmFailure(error, undefined, name)));
    });
    if ((await client.exists(cancelMarkerKey(id))) === 1) throw new UnrecoverableError(JSON.stringify(cancelledFailure(id, undefined, name)));

    const { stages } = data;
    emit({ type: 'job-start', id, queue: job.queueName, film: data.film, attempt: job.attemptsMade + 1, ...(stages === undefined ? {} : { stages }) });
    await job.log(`${new Date().toISOString()} ${name} runs attempt ${job.attemptsMade + 1}${stages === undefined ? '' : ` of ${stages.join(', ')}`}`);
    const tracker = trackFilmProgress(stages);
    // A later segment goes on in the job folder, which keeps the settings it was prepared with.
    const settings: Partial<FilmJobData> = previous === undefined ? data : {};
    // Through the store when the film was submitted to one and the earlier segment (if any) used it too.
    const stored = store !== undefined && data.filmArtifact !== undefined && (previous === undefined || previous.stored !== undefined) ? { store, film: data.filmArtifact } : undefined;
    // The job's id in the store: the first segment's (or the film's) BullMQ id, unique and the same on every try.
    const storeJobId = previous?.stored?.jobId ?? id;
    let sentAt = 0;
    const signal = AbortSignal.any([shutdown.signal, ...(cancel === undefined ? [] : [cancel])]);
    try {
      let target = previous?.jobDir ?? data.film;
      if (stored !== undefined) {
        target =
          previous === undefined
            ? await filmInWorkspace(stored.store, stored.film, options.workspace, signal)
            : await pullJob(stored.store, storeJobId, { workspace: options.workspace, pulls: data.pulls ?? [], ...(data.readsFilm === true ? { film: stored.film } : {}), signal });
      }
      const summary = await subtitleMovie(target, {
        ...settings.options,
        ...(settings.sourceLanguage === undefined ? {} : { sourceLanguage: settings.sourceLanguage }),
        ...(settings.targetLanguages === undefined ? {} : { targetLanguages: settings.targetLanguages }),
        ...(stages === undefined ? {} : { segment: stages }),
        ...(options.workspace === undefined ? {} : { workspace: options.workspace }),
        signal,
        onEvent: (event) => {
          const progress = tracker.onEvent(event);
          if (progress === undefined) return;
          const now = Date.now();
          if (event.type === 'stage-progress' && now - sentAt < PROGRESS_INTERVAL_MS) return;
          sentAt = now;
          const reported = { ...progress, worker: name };
          emit({ type: 'job-progress', id, progress: reported });
          // Lost while Redis is away: the next one carries the same information.
          job.updateProgress(reported).catch(() => undefined);
        },
      });
      if (stored === undefined) {
        emit({ type: 'job-done', id, summary });
        return summary;
      }
      // A whole film pushes every stage it has, a segment its own.
      const pushed = stages ?? summary.stages.filter((stage) => stage.status === 'ran' || stage.status === 'cached').map((stage) => stage.id);
      const storedJob = { jobId: storeJobId, outputs: await pushJob(stored.store, storeJobId, summary, pushed, signal) };
      emit({ type: 'job-done', id, summary, stored: storedJob });
      return { ...summary, stored: storedJob };
    } catch (error) {
      if (shutdown.signal.aborted && token !== undefined) {
        // Stopped with its worker: back to waiting at once, for another worker, without spending a try.
        await job.moveToWait(token);
        emit({ type: 'job-released', id });
        throw new WaitingError();
      }
      if (cancel?.aborted && cancelled.has(id)) {
        const failure = cancelledFailure(id, tracker.currentStage(), name);
        emit({ type: 'job-failed', id, failure });
        throw new UnrecoverableError(JSON.stringify(failure));
      }
      const failure = filmFailure(error, tracker.failedStage(), name);
      emit({ type: 'job-failed', id, failure });
      throw new Error(JSON.stringify(failure));
    } finally {
      cancelled.delete(id);
    }
  };

  const workers = queues.map(
    (queue) =>
      new Worker(queue, processFilm, {
        connection: client,
        name,
        // Started once the cancel channel is listened to.
        autorun: false,
        concurrency: options.concurrency ?? 1,
        ...(options.lockDurationMs === undefined ? {} : { lockDuration: options.lockDurationMs }),
        ...(options.stalledIntervalMs === undefined ? {} : { stalledInterval: options.stalledIntervalMs }),
      }),
  );
  // A worker without an 'error' listener would crash the process when Redis goes away.
  for (const worker of workers) worker.on('error', onRedisError);
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));

  subscriber.on('message', (_channel: string, id: string) => {
    for (const worker of workers) {
      if (worker.cancelJob(id, 'cancelled')) cancelled.add(id);
    }
  });
  await subscriber.subscribe(CANCEL_CHANNEL);

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let closing: Promise<void> | undefined;
  const close = async ({ force = false }: { force?: boolean } = {}) => {
    emit({ type: 'worker-closing', force });
    // The running films stop and go back to waiting (see processFilm).
    if (force) shutdown.abort(new Error('worker stopped'));
    closing ??= (async () => {
      await Promise.all(workers.map((worker) => worker.close()));
      subscriber.disconnect();
      client.disconnect();
      emit({ type: 'worker-closed' });
      resolveClosed();
    })();
    await closing;
  };
  options.signal?.addEventListener('abort', () => void close(), { once: true });
  emit({ type: 'worker-ready', worker: name, queues, redis: redactRedisUrl(options.redis) });
  // Each runs until closed; what goes wrong in between arrives as 'error' events.
  for (const worker of workers) worker.run().catch(onRedisError);
  return { name, close, closed };
}
