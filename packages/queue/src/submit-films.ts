import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { MovieSettings } from '@bollyx/pipeline';
import { DEFAULT_QUEUE, filmJobDataSchema } from './film-job';
import { withQueues } from './with-queues';

export interface SubmitFilmsOptions {
  /** redis://[user:password@]host:port[/db] */
  redis: string;
  /** The queue the films go to (default `films`): workers take from the queues they are started with. */
  queue?: string;
  /** The run settings, as `bollyx run` takes them (languages, model, workflow, …). */
  settings?: MovieSettings;
  /** Tries per film before it fails for good (default 3), backing off exponentially from `backoffMs` (default 10 s). */
  attempts?: number;
  backoffMs?: number;
}

/**
 * Adds each film as one BullMQ job and returns their ids, in order. Paths are made absolute here: a
 * worker must see the film at that same path (a shared file system). Throws QueueUnreachableError.
 */
export async function submitFilms(media: readonly string[], options: SubmitFilmsOptions): Promise<string[]> {
  const name = options.queue ?? DEFAULT_QUEUE;
  return withQueues(options.redis, [name], async ([queue]) => {
    const ids: string[] = [];
    for (const film of media) {
      const { sourceLanguage, targetLanguages, ...settings } = options.settings ?? {};
      const data = filmJobDataSchema.parse({
        film: path.resolve(film),
        sourceLanguage,
        targetLanguages: typeof targetLanguages === 'string' ? targetLanguages.split(',').map((language) => language.trim()) : targetLanguages,
        options: settings,
      });
      const job = await queue!.add('film', data, {
        jobId: randomUUID(),
        attempts: options.attempts ?? 3,
        backoff: { type: 'exponential', delay: options.backoffMs ?? 10_000 },
      });
      ids.push(job.id!);
    }
    return ids;
  });
}
