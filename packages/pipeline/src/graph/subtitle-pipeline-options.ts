import { StageFamilySchema } from '@bollyx/environment-manager';
import type { JobConfig } from '@bollyx/job-config';
import { z } from 'zod';
import { videoEncoderSchema } from '../stages/burn-in/video-encoder';
import { namesStageOptionsSchema } from './names-stage-options';

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
  /** The whisper.cpp engine (`ensureWhisperEngine()`'s record): needed when whisper.cpp runs (asr.backend whisper.cpp). */
  whisperCli: z.object({ binary: z.string().min(1), version: z.string().min(1), backend: z.enum(['cpu', 'cuda', 'metal']) }).optional(),
  /** The ggml Whisper model file, with whisperCli. */
  asrModelPath: z.string().min(1).optional(),
  /**
   * What each Python stage family the job runs needs (`pythonStageNeeds(config)` lists them): its
   * environment (the fingerprint is part of the stage's cache key), the environment variables it runs with
   * (`envVarsFor`: cache folders, offline switches, a token — never logged) and its model (a hub repo id
   * or an absolute folder, such as the pulled snapshot's).
   */
  python: z
    .partialRecord(
      StageFamilySchema,
      z.object({
        environment: z.object({ name: z.string().min(1), fingerprint: z.string().min(1) }),
        env: z.record(z.string(), z.string()).default({}),
        model: z.string().min(1),
      }),
    )
    .default({}),
  /** The folder of the Python stage scripts; default the package's own `python/`. */
  scriptsDir: z.string().min(1).optional(),
  /** The Silero VAD ONNX file. */
  vadModelPath: z.string().min(1),
  /** CPU threads of a stage whose config section sets none (the hardware recommendation's). */
  threads: z.number().int().positive(),
  /** The video's frame rate, for the minimum gap between cues; the shots stage's when it runs, else the preset's. */
  frameRate: z.number().positive().optional(),
  /**
   * Whether the media has a video stream (the job's probe: `job.media.info.videoStreams`): only then do the
   * shots and burn-in stages run. Default false, as for audio-only media.
   */
  hasVideo: z.boolean().default(false),
  /** The burn-in's H.264 encoder (`pickVideoEncoder(profile)`); libx264 when absent. */
  videoEncoder: videoEncoderSchema.optional(),
  /** Subtitle limits the user set over the presets' (fields of the config's `subtitles` section). */
  presetOverrides: overridesSchema.default({}),
  /** What the names stage needs beyond the config (`namesStageOptions()` in subtitleMovie); without it TMDB is not asked. */
  names: namesStageOptionsSchema.optional(),
  /**
   * With translation.backend llm: the endpoint's record of the model (`llmModelIdentity(config)`, GET
   * /models), part of the translate stages' cache key; the configured model name alone when absent.
   */
  llmModel: z.object({ id: z.string().min(1), created: z.number().optional(), ownedBy: z.string().optional() }).optional(),
});
export type SubtitlePipelineOptions = z.input<typeof subtitlePipelineOptionsSchema>;
export type ResolvedSubtitlePipelineOptions = z.output<typeof subtitlePipelineOptionsSchema>;
