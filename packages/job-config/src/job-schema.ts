import { z } from 'zod';
import { JobConfigSchema, ProvenanceSchema } from './config-schema';
import { MediaInfoSchema } from './probe-media';

/** `YYYYMMDD-NNNN`: the local date the job was prepared and its number that day (more digits after 9999). */
export const JOB_ID_PATTERN = /^\d{8}-\d{4,}$/;
const JobIdSchema = z.string().regex(JOB_ID_PATTERN, { error: 'a job id like 20250131-0001' });

/** The folders of a job, each filled by a pipeline stage; `media/` holds the input and is never written again. */
export const JOB_FOLDERS = ['media', 'audio', 'transcripts', 'subtitles', 'logs', 'manifests', 'output'] as const;

/** The job's description file in its folder, written last: a folder without it is incomplete. */
export const JOB_FILE_NAME = 'job.yaml';

/** How the job's media file was made from the user's file. */
const MediaMethodSchema = z.enum(['hardlink', 'copy', 'clip-copy', 'clip-reencode-audio']);
export type MediaMethod = z.infer<typeof MediaMethodSchema>;

/** The content of `job.yaml`. */
export const JobFileSchema = z.strictObject({
  version: z.literal(1),
  id: JobIdSchema,
  createdAt: z.iso.datetime({ offset: true }),
  /** The user's file, as it was when the job was prepared; bollyx never writes to it. */
  source: z.strictObject({
    path: z.string(),
    sizeBytes: z.number().int().nonnegative(),
    modifiedAt: z.iso.datetime({ offset: true }),
    durationSeconds: z.number().positive(),
  }),
  media: z.strictObject({
    /** Relative to the job folder, e.g. `media/movie.mp4`. */
    file: z.string(),
    method: MediaMethodSchema,
    info: MediaInfoSchema,
  }),
  config: JobConfigSchema,
  provenance: ProvenanceSchema,
});
export type JobFile = z.infer<typeof JobFileSchema>;

/**
 * Where a job stands, from what its folder holds: `incomplete` (no job.yaml yet: being prepared or
 * interrupted), `invalid` (job.yaml does not validate), `prepared` (nothing run yet), `started` (a stage
 * wrote its manifest to `manifests/`), `has-outputs` (files in `output/`).
 */
export type JobState = 'incomplete' | 'invalid' | 'prepared' | 'started' | 'has-outputs';

/** A prepared job: its job.yaml, its folder and its state. */
export type Job = JobFile & { dir: string; state: JobState };
