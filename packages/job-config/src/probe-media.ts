import { execFile } from 'node:child_process';
import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import {
  FfmpegNotFoundError,
  looksLikeUrl,
  JobCancelledError,
  MediaEmptyError,
  MediaNoAudioError,
  MediaNoDurationError,
  MediaNotAFileError,
  MediaNotFoundError,
  MediaNotReadableError,
  MediaTruncatedError,
  MediaUnrecognizedError,
} from './errors';
import { checkIsoBmff } from './iso-bmff';

const AudioStreamSchema = z.strictObject({
  /** The stream's index in the container (ffmpeg's `-map 0:<index>`). */
  index: z.number().int().nonnegative(),
  codec: z.string(),
  channels: z.number().int().nonnegative().nullable(),
  sampleRate: z.number().int().nonnegative().nullable(),
  /** The container's language tag (often ISO 639-2, e.g. `hin`); null when absent or `und`. */
  language: z.string().nullable(),
});

const VideoStreamSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  codec: z.string(),
  width: z.number().int().nonnegative().nullable(),
  height: z.number().int().nonnegative().nullable(),
});

/** What ffprobe found in a media file, as the job records it. */
export const MediaInfoSchema = z.strictObject({
  /** ffprobe's demuxer name(s), e.g. `mov,mp4,m4a,3gp,3g2,mj2` or `matroska,webm`. */
  formatName: z.string(),
  durationSeconds: z.number().positive(),
  sizeBytes: z.number().int().nonnegative(),
  audioStreams: z.array(AudioStreamSchema).min(1),
  videoStreams: z.array(VideoStreamSchema),
});
export type MediaInfo = z.infer<typeof MediaInfoSchema>;

const FfprobeOutputSchema = z.object({
  streams: z
    .array(
      z.object({
        index: z.number(),
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        channels: z.number().optional(),
        sample_rate: z.string().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
        duration: z.string().optional(),
        disposition: z.object({ attached_pic: z.number().optional() }).optional(),
        tags: z.record(z.string(), z.string()).optional(),
      }),
    )
    .default([]),
  format: z.object({ format_name: z.string(), duration: z.string().optional() }).optional(),
});

const execFileAsync = promisify(execFile);

/** A number from ffprobe's text fields; null when absent or not a number ("N/A"). */
function numberOrNull(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

async function openForReading(file: string, typed: string): Promise<{ handle: FileHandle; size: number }> {
  let stats;
  try {
    stats = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new MediaNotFoundError(file, typed);
    if (code === 'EACCES' || code === 'EPERM') throw new MediaNotReadableError(file, error);
    throw error;
  }
  if (!stats.isFile()) throw new MediaNotAFileError(file, stats.isDirectory());
  try {
    return { handle: await open(file, 'r'), size: stats.size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new MediaNotReadableError(file, error);
    throw error;
  }
}

async function runFfprobe(file: string, signal: AbortSignal | undefined): Promise<unknown> {
  // node:child_process, not execa: importing execa costs ~150 ms, half of prepare's 0.3 s budget.
  // `file:` keeps a name that starts with "-" from reading as an option (ffprobe takes no `--`).
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', `file:${file}`];
  try {
    const { stdout } = await execFileAsync('ffprobe', args, { signal, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return JSON.parse(stdout);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.name === 'AbortError') throw new JobCancelledError(error);
    if (failure.code === 'ENOENT') throw new FfmpegNotFoundError('ffprobe', error);
    const lines = (failure.stderr ?? '').trim().split('\n');
    // ffprobe ends with "<input>: <reason>"; the reason is what the user needs.
    const last = lines[lines.length - 1] ?? '';
    const reason = last.startsWith(`file:${file}: `) ? last.slice(`file:${file}: `.length) : last || String(error);
    throw new MediaUnrecognizedError(file, reason);
  }
}

export interface ProbeMediaOptions {
  signal?: AbortSignal;
}

/**
 * Checks that `input` is media bollyx can work on and describes it: a readable, non-empty file that
 * ffprobe understands, is not cut short, and has an audio stream and a duration. Each failure is its
 * own error (MEDIA_NOT_FOUND, MEDIA_EMPTY, MEDIA_TRUNCATED, MEDIA_NO_AUDIO, …). Reads only.
 */
export async function probeMedia(input: string, options: ProbeMediaOptions = {}): Promise<MediaInfo> {
  // "https://…" resolved as a path reads "…/https:/…": say what it is instead.
  if (looksLikeUrl(input)) throw new MediaNotFoundError(input);
  const file = path.resolve(input);
  const { handle, size } = await openForReading(file, input);
  try {
    if (size === 0) throw new MediaEmptyError(file);
    const container = await checkIsoBmff(handle, size);
    if (container.kind === 'truncated') throw new MediaTruncatedError(file, container.reason);
  } finally {
    await handle.close();
  }
  if (options.signal?.aborted) throw new JobCancelledError(options.signal.reason);

  const probed = FfprobeOutputSchema.safeParse(await runFfprobe(file, options.signal));
  if (!probed.success || !probed.data.format) throw new MediaUnrecognizedError(file, 'ffprobe found no container format');
  const { streams, format } = probed.data;

  const audio = streams.filter((stream) => stream.codec_type === 'audio');
  if (audio.length === 0) {
    throw new MediaNoAudioError(file, [...new Set(streams.map((stream) => stream.codec_type ?? 'unknown'))]);
  }
  // Some containers (raw streams, some WAVs) give the duration per stream only.
  const durationSeconds =
    numberOrNull(format.duration) ?? Math.max(0, ...streams.map((stream) => numberOrNull(stream.duration) ?? 0));
  if (!(durationSeconds > 0)) throw new MediaNoDurationError(file);

  return {
    formatName: format.format_name,
    durationSeconds,
    sizeBytes: size,
    audioStreams: audio.map((stream) => {
      const language = stream.tags?.language ?? null;
      return {
        index: stream.index,
        codec: stream.codec_name ?? 'unknown',
        channels: stream.channels ?? null,
        sampleRate: numberOrNull(stream.sample_rate),
        language: language === 'und' ? null : language,
      };
    }),
    // Cover art is a picture, not the video.
    videoStreams: streams
      .filter((stream) => stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1)
      .map((stream) => ({
        index: stream.index,
        codec: stream.codec_name ?? 'unknown',
        width: stream.width ?? null,
        height: stream.height ?? null,
      })),
  };
}
