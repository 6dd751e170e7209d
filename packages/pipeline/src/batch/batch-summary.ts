import { z } from 'zod';
import { runSummarySchema } from '../run/run-summary';

export const batchFilmStatusSchema = z.enum(['done', 'skipped', 'failed', 'invalid', 'cancelled']);
export type BatchFilmStatus = z.infer<typeof batchFilmStatusSchema>;

/** A film's result: `skipped` when its job had finished already (every stage cached), `invalid` when ffprobe rejected the file. */
export const batchFilmSchema = z.object({
  /** The media file, absolute. */
  file: z.string(),
  status: batchFilmStatusSchema,
  /** Absent when no job was made or found (invalid media, a failure before the job, a film never started). */
  jobId: z.string().optional(),
  durationMs: z.number().nonnegative(),
  /** The film's outputs (in the job folder, or where `outputDir` has them); absent unless done or skipped. */
  outputs: runSummarySchema.shape.outputs.optional(),
  speechFound: z.boolean().optional(),
  /** Why the film failed, was rejected or cancelled: the error's stable code, message and fix. */
  error: z.object({ code: z.string(), message: z.string(), hint: z.string().optional() }).optional(),
});
export type BatchFilm = z.infer<typeof batchFilmSchema>;

/** What a whole batch returns (and `bollyx batch --json` prints last). */
export const batchSummarySchema = z.object({
  /** True when every valid film is done or skipped: invalid media is reported, not counted against the batch. */
  ok: z.boolean(),
  /** Films run at once, and why. */
  concurrency: z.object({ value: z.number().int().positive(), reason: z.string() }),
  durationMs: z.number().nonnegative(),
  /** In the order the files were found (sorted by path). */
  films: z.array(batchFilmSchema),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;
