import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { movieStageDevices, type MovieSettings } from '@bollyx/pipeline';
import { FlowProducer, type FlowJob, type JobsOptions } from 'bullmq';
import { openArtifactStore, type ArtifactStoreConfig } from './artifacts/artifact-store-config';
import { uploadFilm } from './film-artifacts';
import { DEFAULT_QUEUE, filmJobDataSchema, type FilmArtifact, type FilmJobData } from './film-job';
import { filmSegments } from './film-segments';
import { withQueues } from './with-queues';

export interface SubmitFilmsOptions {
  /** redis://[user:password@]host:port[/db] */
  redis: string;
  /** The queue the films go to (default `films`): workers take from the queues they are started with. Not with `segments`. */
  queue?: string;
  /** The run settings, as `bollyx run` takes them (languages, model, workflow, …). */
  settings?: MovieSettings;
  /**
   * Splits each film into a chain of segments on the `cpu` and `gpu` queues, by the device each stage
   * runs best on (default false: the whole film is one job on `queue`).
   */
  segments?: boolean;
  /** The workspace whose `bollyx.config.yaml` decides a film's stages, for `segments` (default: BOLLYX_WORKSPACE); the workers' workspace. */
  workspace?: string;
  /** Tries per film (per segment) before it fails for good (default 3), backing off exponentially from `backoffMs` (default 10 s). */
  attempts?: number;
  backoffMs?: number;
  /**
   * An artifact store the workers share (each configured with the same one): the films are uploaded to it
   * (`films/<sha256>/<name>`) and the jobs carry their keys, so no worker needs the films' paths or a shared workspace.
   */
  artifacts?: ArtifactStoreConfig;
  signal?: AbortSignal;
}

// The pipeline's stages whose input is the movie itself (movieStageDevices names only stage needs): a later
// segment holding one needs the film on its machine.
const READS_FILM = new Set(['demux', 'shots', 'mux', 'burn-in']);

/**
 * Adds each film as one BullMQ job, or as a chain of segment jobs (a BullMQ flow whose parent is the last
 * segment: the film's job), and returns the films' job ids, in order. Paths are made absolute here: a
 * worker must see the film at that same path (a shared file system), unless the films go through
 * `artifacts`. Throws QueueUnreachableError, the store's errors (ARTIFACT_STORE_UNREACHABLE, …), and with
 * `segments` the config's errors (ConfigInvalidError).
 */
export async function submitFilms(media: readonly string[], options: SubmitFilmsOptions): Promise<string[]> {
  const { sourceLanguage, targetLanguages, ...settings } = options.settings ?? {};
  const store = options.artifacts === undefined ? undefined : openArtifactStore(options.artifacts);
  // Uploaded before any job is added: a film that cannot be stored adds nothing.
  const stored: FilmArtifact[] = [];
  if (store !== undefined) for (const film of media) stored.push(await uploadFilm(store, film, options.signal));
  const dataOf = (film: string, index: number): FilmJobData =>
    filmJobDataSchema.parse({
      film: path.resolve(film),
      filmArtifact: stored[index],
      sourceLanguage,
      targetLanguages: typeof targetLanguages === 'string' ? targetLanguages.split(',').map((language) => language.trim()) : targetLanguages,
      options: settings,
    });
  const jobOptions = (): JobsOptions => ({
    jobId: randomUUID(),
    attempts: options.attempts ?? 3,
    backoff: { type: 'exponential', delay: options.backoffMs ?? 10_000 },
  });
  if (options.segments === true) {
    // Every film has the same stages: they follow the settings and the workspace config, not the film.
    const devices = await movieStageDevices({ ...options.settings, ...(options.workspace === undefined ? {} : { workspace: options.workspace }) });
    const needs = new Map(devices.map((stage) => [stage.id, stage.needs]));
    // Through a store, each later segment pulls the stages of earlier ones it reads, and the film when it reads it.
    const segments = filmSegments(devices).map((segment, index) => ({
      ...segment,
      ...(store === undefined || index === 0
        ? {}
        : {
            pulls: [...new Set(segment.stages.flatMap((stage) => needs.get(stage) ?? []))].filter((stage) => !segment.stages.includes(stage)),
            readsFilm: segment.stages.some((stage) => READS_FILM.has(stage)),
          }),
    }));
    return withQueues(options.redis, [], async (_queues, client) => {
      const flows = new FlowProducer({ connection: client });
      try {
        const ids: string[] = [];
        for (const [index, film] of media.entries()) {
          const data = dataOf(film, index);
          // A chain: each segment is the parent of the one before it, which fails it when it fails for good.
          const chain = segments.reduce<FlowJob | undefined>(
            (child, { queue, ...segment }) => ({
              name: 'segment',
              queueName: queue,
              data: { ...data, ...segment },
              opts: { ...jobOptions(), failParentOnFailure: true },
              ...(child === undefined ? {} : { children: [child] }),
            }),
            undefined,
          )!;
          ids.push((await flows.add(chain)).job.id!);
        }
        return ids;
      } finally {
        await flows.close();
      }
    });
  }
  return withQueues(options.redis, [options.queue ?? DEFAULT_QUEUE], async ([queue]) => {
    const ids: string[] = [];
    for (const [index, film] of media.entries()) {
      const job = await queue!.add('film', dataOf(film, index), jobOptions());
      ids.push(job.id!);
    }
    return ids;
  });
}
