import type { JobConfig } from '@bollyx/job-config';
import { z } from 'zod';

const overridesSchema = z
  .object({
    maxCharsPerLine: z.number().int().positive(),
    maxLines: z.number().int().positive(),
    maxCharsPerSecond: z.number().positive(),
    minDurationSeconds: z.number().positive(),
    maxDurationSeconds: z.number().positive(),
    minGapFrames: z.number().int().nonnegative(),
  })
  .partial();

/** What `buildSubtitlePipeline` needs: the job's config and the files and tools preflight found. */
export const subtitlePipelineOptionsSchema = z.object({
  /** The job's resolved config (`@bollyx/job-config`). */
  config: z.custom<JobConfig>((value) => typeof value === 'object' && value !== null && 'workflow' in value, 'a resolved job config'),
  /** The job's media file (absolute, or relative to the job folder). */
  mediaPath: z.string().min(1),
  /** The whisper.cpp engine (`ensureWhisperEngine()`'s record). */
  whisperCli: z.object({ binary: z.string().min(1), version: z.string().min(1), backend: z.enum(['cpu', 'cuda', 'metal']) }),
  /** The ggml Whisper model file. */
  asrModelPath: z.string().min(1),
  /** The Silero VAD ONNX file. */
  vadModelPath: z.string().min(1),
  /** CPU threads for whisper-cli (the hardware recommendation's). */
  threads: z.number().int().positive(),
  /** The video's frame rate, for the minimum gap between cues; the preset's when absent. */
  frameRate: z.number().positive().optional(),
  /** Subtitle limits the user set over the presets' (fields of the config's `subtitles` section). */
  presetOverrides: overridesSchema.default({}),
});
export type SubtitlePipelineOptions = z.input<typeof subtitlePipelineOptionsSchema>;
export type ResolvedSubtitlePipelineOptions = z.output<typeof subtitlePipelineOptionsSchema>;
