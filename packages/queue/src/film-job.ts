import { movieSettingsSchema } from '@bollyx/pipeline';
import { z } from 'zod';
import { artifactKeySchema, artifactRecordSchema } from './artifacts/artifact-store';

/** The queue films go to and workers take from when none is named. */
export const DEFAULT_QUEUE = 'films';

/** A film in the artifact store: `films/<sha256>/<name>`. */
export const filmArtifactSchema = artifactRecordSchema.extend({ key: artifactKeySchema });
export type FilmArtifact = z.infer<typeof filmArtifactSchema>;

/**
 * One film as a BullMQ job's data: the whole film, or with `stages` one segment of it (a job of a chain
 * whose first segment prepares the film's job folder and each next one goes on in it).
 */
export const filmJobDataSchema = z.object({
  /** Absolute path of the media, which every worker must see at that path (a shared file system), unless `filmArtifact` is there. */
  film: z.string().min(1),
  /** The film in the artifact store (submitted with one): workers download it and never read `film`. */
  filmArtifact: filmArtifactSchema.optional(),
  sourceLanguage: z.string().optional(),
  targetLanguages: z.array(z.string()).optional(),
  /** The other run settings, as `bollyx run` takes them. */
  options: movieSettingsSchema.omit({ sourceLanguage: true, targetLanguages: true }).default({}),
  /** The stages of the film's segment this job runs; the whole film when absent. */
  stages: z.array(z.string()).min(1).optional(),
  /** With a store, a later segment: the earlier segments' stages it reads, pulled from the store before it runs. */
  pulls: z.array(z.string()).optional(),
  /** With a store, a later segment that reads the film itself (muxing): its worker downloads it into the job. */
  readsFilm: z.boolean().optional(),
});
export type FilmJobData = z.infer<typeof filmJobDataSchema>;

/** A job's files in the artifact store (`jobs/<jobId>/`), and the keys of its subtitles and videos there. */
export const storedJobSchema = z.object({ jobId: z.string().min(1), outputs: z.array(artifactKeySchema) });
export type StoredJob = z.infer<typeof storedJobSchema>;

/** What a job reports through `job.updateProgress`: the whole film's fraction and the stage it is in. */
export const filmJobProgressSchema = z.object({
  fraction: z.number().min(0).max(1),
  stage: z.string().optional(),
  stageFraction: z.number().min(0).max(1).optional(),
  /** The worker running it: host/pid, or host/gpuN/pid with a GPU. */
  worker: z.string(),
});
export type FilmJobProgress = z.infer<typeof filmJobProgressSchema>;

/** A failed job's reason (JSON in BullMQ's `failedReason`): the error's code and hint, and the stage that failed. */
export const filmJobFailureSchema = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  stage: z.string().optional(),
  worker: z.string(),
});
export type FilmJobFailure = z.infer<typeof filmJobFailureSchema>;
