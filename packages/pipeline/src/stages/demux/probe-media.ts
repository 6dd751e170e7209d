import { execa } from 'execa';
import { z } from 'zod';
import type { BollyxError } from '@bollyx/errors';
import { failureReason } from './failure-reason';

// Matroska writes some tag names upper case (DURATION, HANDLER_NAME): keys are lower-cased for lookups.
const tagsSchema = z
  .record(z.string(), z.string())
  .optional()
  .transform((tags) =>
    Object.fromEntries(Object.entries(tags ?? {}).map(([key, value]) => [key.toLowerCase(), value])),
  );

const numberFromString = z.coerce.number().optional();

export const probedStreamSchema = z.object({
  index: z.number().int(),
  codec_type: z.string(),
  codec_name: z.string().optional(),
  channels: z.number().int().optional(),
  sample_rate: numberFromString,
  start_time: numberFromString,
  duration: numberFromString,
  /** Video frame rates as ffprobe writes them ("24000/1001"); "0/0" when unknown. */
  r_frame_rate: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  /** attached_pic 1: a still (cover art, a poster) stored as a video stream, not the film's picture. */
  disposition: z.object({ attached_pic: z.number().optional() }).optional(),
  tags: tagsSchema,
});

export const probedMediaSchema = z.object({
  streams: z.array(probedStreamSchema),
  format: z.object({ duration: numberFromString, format_name: z.string() }),
});

export type ProbedStream = z.infer<typeof probedStreamSchema>;
export type ProbedMedia = z.infer<typeof probedMediaSchema>;

/** The film's picture: its first video stream that is not a still such as cover art. */
export function filmVideoStream(media: ProbedMedia): ProbedStream | undefined {
  return media.streams.find((stream) => stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1);
}

export interface ProbeOptions {
  signal?: AbortSignal;
  /** Builds the caller's typed error for a file ffprobe cannot read. */
  fail: (reason: string, cause?: unknown) => BollyxError;
}

/** Streams and container facts of a media file, read with ffprobe's JSON writer. */
export async function probeMedia(path: string, options: ProbeOptions): Promise<ProbedMedia> {
  const result = await execa(
    'ffprobe',
    ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', `file:${path}`],
    { cancelSignal: options.signal, reject: false },
  );
  if (result.isCanceled) throw options.signal?.reason;
  if (result.failed) throw options.fail(failureReason(result), result);
  const parsed = probedMediaSchema.safeParse(JSON.parse(result.stdout));
  if (!parsed.success) throw options.fail(`unexpected ffprobe output: ${parsed.error.message}`, parsed.error);
  return parsed.data;
}
