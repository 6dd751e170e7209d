import path from 'node:path';
import { openArtifactStore, type ArtifactStoreConfig } from './artifacts/artifact-store-config';
import { QueueJobInvalidError, QueueJobStateError } from './errors';
import { DEFAULT_QUEUE, storedJobSchema } from './film-job';
import { SEGMENT_QUEUES } from './film-segments';
import { findJob } from './queue-admin';
import { withQueues } from './with-queues';

export interface FetchFilmOutputsOptions {
  /** redis://[user:password@]host:port[/db] */
  redis: string;
  /** The queues to look for the job in (default `films`, `cpu` and `gpu`). */
  queues?: readonly string[];
  /** The store the film went through, as this machine reaches it. */
  artifacts: ArtifactStoreConfig;
  /** The folder the outputs go to, under their job-relative paths (`subtitles/en.srt`, …). */
  to: string;
  signal?: AbortSignal;
}

/**
 * Downloads a finished film's subtitles and videos from the artifact store (the keys its job returned),
 * each checked against its sha256, into `to`. Returns the files written. Throws QUEUE_JOB_NOT_FOUND,
 * QUEUE_JOB_STATE (not completed), QUEUE_JOB_INVALID (it did not go through a store), and the store's errors.
 */
export async function fetchFilmOutputs(id: string, options: FetchFilmOutputsOptions): Promise<string[]> {
  const stored = await withQueues(options.redis, options.queues ?? [DEFAULT_QUEUE, SEGMENT_QUEUES.cpu, SEGMENT_QUEUES.gpu], async (queues) => {
    const job = await findJob(queues, id);
    const state = await job.getState();
    if (state !== 'completed') throw new QueueJobStateError(id, state, 'completed', 'fetched');
    const parsed = storedJobSchema.safeParse((job.returnvalue as { stored?: unknown } | null)?.stored);
    if (!parsed.success) throw new QueueJobInvalidError(id, 'its outputs are not in an artifact store (it was submitted without one)');
    return parsed.data;
  });
  const store = openArtifactStore(options.artifacts);
  const files: string[] = [];
  for (const key of stored.outputs) {
    const file = path.join(options.to, ...key.split('/').slice(2));
    await store.get(key, file, options.signal === undefined ? {} : { signal: options.signal });
    files.push(file);
  }
  return files;
}
