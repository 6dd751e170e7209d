import { movieSettingsSchema } from '@bollyx/pipeline';
import { z } from 'zod';

/** The queue films go to and workers take from when none is named. */
export const DEFAULT_QUEUE = 'films';

/**
 * One film as a BullMQ job's data: the whole film, or with `stages` one segment of it (a job of a chain
 * whose first segment prepares the film's job folder and each next one goes on in it).
 */
export const filmJobDataSchema = z.object({
  /** Absolute path of the media, which every worker must see at that path (a shared file system). */
  film: z.string().min(1),
  sourceLanguage: z.string().optional(),
  targetLanguages: z.array(z.string()).optional(),
  /** The other run settings, as `bollyx run` takes them. */
  options: movieSettingsSchema.omit({ sourceLanguage: true, targetLanguages: true }).default({}),
  /** The stages of the film's segment this job runs; the whole film when absent. */
  stages: z.array(z.string()).min(1).optional(),
});
export type FilmJobData = z.infer<typeof filmJobDataSchema>;

/** What a job reports through `job.updateProgress`: the whole film's fraction and the stage it is in. */
export const filmJobProgressSchema = z.object({
  fraction: z.number().min(0).max(1),
  stage: z.string().optional(),
  stageFraction: z.number().min(0).max(1).optional(),
  /** The worker running it: host/pid, and /gpuN with a GPU. */
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
