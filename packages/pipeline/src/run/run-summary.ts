import { deviceSchema, stageResultSchema, type StageResult } from '@bollyx/stage-runner';
import { z } from 'zod';

const outputsSchema = z.object({
  /** Subtitle files by language and format. */
  subtitles: z.record(z.string(), z.record(z.string(), z.string())),
  /** Muxed videos by container. */
  video: z.record(z.string(), z.string()),
});

export const runSummaryStageSchema = z.object({
  id: z.string(),
  status: stageResultSchema.shape.status,
  durationMs: z.number(),
  /** What did the work (`whisper.cpp`, `faster-whisper`, `pyannote`, …), from the stage's manifest. */
  backend: z.string().optional(),
  device: deviceSchema.optional(),
  /** The devices that failed with a device error before `device` succeeded (the manifest's attempts). */
  fellBackFrom: z.array(deviceSchema).optional(),
  /** The counts the stage reported when it ran in this run (a language model's tokens in and out); a cached stage cost nothing. */
  metrics: z.record(z.string(), z.number()).optional(),
});
export type RunSummaryStage = z.infer<typeof runSummaryStageSchema>;

/** What a whole run returns (and `bollyx run --json` prints last). */
export const runSummarySchema = z.object({
  ok: z.literal(true),
  jobId: z.string(),
  jobDir: z.string(),
  stages: z.array(runSummaryStageSchema),
  /** Absolute paths, of the files that exist: in the job folder, or in the output folder they were delivered to. */
  outputs: outputsSchema,
  /** False when VAD heard no speech (the subtitle files are empty); absent when VAD has not run in this job. */
  speechFound: z.boolean().optional(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/** A stage of the summary: its result, with the backend and device its manifest (this run's or the cached one) records. */
export function runSummaryStage({ id, status, durationMs, device, manifest }: StageResult): RunSummaryStage {
  const failed = manifest?.attempts.filter((attempt) => attempt.status === 'failed').map((attempt) => attempt.device) ?? [];
  const ran = manifest?.device ?? device;
  return {
    id,
    status,
    durationMs,
    ...(manifest === undefined ? {} : { backend: manifest.backend }),
    ...(ran === undefined ? {} : { device: ran }),
    ...(failed.length === 0 ? {} : { fellBackFrom: failed }),
    ...(status === 'ran' && manifest?.metrics !== undefined ? { metrics: manifest.metrics } : {}),
  };
}
