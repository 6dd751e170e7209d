import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { execa } from 'execa';
import { z } from 'zod';
import { LanguageSchema, toIso6392 } from '@bollyx/job-config';
import { probeMedia } from '../demux/probe-media';
import type { ProbedMedia } from '../demux/probe-media';
import { runFfmpeg } from '../demux/run-ffmpeg';
import { writeThroughTemp } from '../demux/temp-output';
import { firstCueStart } from './first-cue-start';
import {
  MuxFailedError,
  MuxFormatUnsupportedError,
  MuxInputInvalidError,
  MuxOutputExistsError,
  MuxVerifyFailedError,
} from './mux-errors';

/** Largest first-cue drift accepted between the SRT and the muxed track (both keep milliseconds). */
const CUE_TOLERANCE_SECONDS = 0.01;

interface Container {
  /** ffmpeg's `-f` name. */
  format: 'mp4' | 'matroska';
  /** The ISO 639-2 form the container's specification asks for. */
  languageForm: 'terminology' | 'bibliographic';
  /** The encoder that writes the subtitle track, and the codec name ffprobe reports for it. */
  subtitleCodec: 'mov_text' | 'srt';
  probedCodec: 'mov_text' | 'subrip';
}

const MP4: Container = {
  format: 'mp4',
  languageForm: 'terminology',
  subtitleCodec: 'mov_text',
  probedCodec: 'mov_text',
};
const CONTAINERS: Readonly<Record<string, Container>> = {
  '.mp4': MP4,
  '.m4v': MP4,
  '.mkv': { format: 'matroska', languageForm: 'bibliographic', subtitleCodec: 'srt', probedCodec: 'subrip' },
};

export const subtitleTrackSchema = z.object({
  /** An .srt file. */
  path: z.string().min(1),
  /** ISO 639-1 in; the container gets the ISO 639-2 code. */
  language: LanguageSchema,
  /** Shown by players in the track menu, e.g. "Hindi" or "English (translated)". */
  title: z.string().min(1),
});

export type SubtitleTrack = z.infer<typeof subtitleTrackSchema>;

export const muxedTrackSchema = z.object({
  /** Stream index in the muxed file. */
  index: z.number().int(),
  language: z.string(),
  title: z.string(),
  codec: z.string(),
  /** Seconds: the first cue as the SRT has it, and as the muxed file carries it. */
  expectedFirstCue: z.number(),
  firstCue: z.number(),
});

export const muxResultSchema = z.object({
  output: z.string(),
  tracks: z.array(muxedTrackSchema),
});

export type MuxedTrack = z.infer<typeof muxedTrackSchema>;
export type MuxResult = z.infer<typeof muxResultSchema>;

export interface MuxSubtitlesOptions {
  video: string;
  /** One subtitle track per entry, in this order. */
  tracks: readonly SubtitleTrack[];
  /** .mp4/.m4v (mov_text subtitles) or .mkv (SRT subtitles); never the input video. */
  output: string;
  /** Replace an existing output file (never the input). */
  overwrite?: boolean;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/**
 * Mux stage: adds soft subtitle tracks to a copy of the video (video and audio streams copied, not
 * re-encoded), each tagged with its language and title, then checks the result with ffprobe before it
 * takes the output's name.
 */
export async function muxSubtitles(options: MuxSubtitlesOptions): Promise<MuxResult> {
  const { video, output, signal } = options;
  signal?.throwIfAborted();
  const container = CONTAINERS[extname(output).toLowerCase()];
  if (container === undefined) throw new MuxFormatUnsupportedError(output);
  const parsedTracks = z.array(subtitleTrackSchema).min(1).safeParse(options.tracks);
  if (!parsedTracks.success) {
    throw new MuxInputInvalidError(video, `bad track list: ${parsedTracks.error.message}`, parsedTracks.error);
  }
  const tracks = parsedTracks.data;
  await refuseUnsafeOutput(video, output, options.overwrite ?? false);
  const expectedCues = await Promise.all(tracks.map((track) => firstCueStart(track.path)));
  const source = await probeMedia(video, {
    signal,
    fail: (reason, cause) => new MuxInputInvalidError(video, reason, cause),
  });

  const args = ['-i', `file:${video}`];
  for (const track of tracks) args.push('-f', 'srt', '-i', `file:${track.path}`);
  args.push('-map', '0:v?', '-map', '0:a?');
  tracks.forEach((_, index) => args.push('-map', `${index + 1}:0`));
  args.push('-c:v', 'copy', '-c:a', 'copy', '-c:s', container.subtitleCodec);
  tracks.forEach((track, index) => {
    const stream = `-metadata:s:s:${index}`;
    args.push(stream, `language=${toIso6392(track.language, container.languageForm)}`, stream, `title=${track.title}`);
    // MP4 keeps a track's name in its handler box; ffmpeg's mov muxer ignores `title` there.
    if (container.format === 'mp4') args.push(stream, `handler_name=${track.title}`);
  });
  // AAC's encoder delay gives audio a negative start; Matroska's default shift to zero would move every
  // cue later by it (64 ms at 16 kHz, 21 ms at 48 kHz). Matroska can store the negative start instead.
  if (container.format === 'matroska') args.push('-avoid_negative_ts', 'disabled');

  return writeThroughTemp(
    output,
    { refuseExisting: options.overwrite ? undefined : () => new MuxOutputExistsError(output, false) },
    async (tempPath) => {
      await runFfmpeg({
        args: [...args, '-f', container.format, `file:${tempPath}`],
        duration: source.format.duration,
        signal,
        onProgress: options.onProgress,
        fail: (reason, cause) => new MuxFailedError(video, reason, cause),
      });
      // Checked before the rename: a file that fails never appears under the output's name.
      const muxed = await verify(tempPath, output, source, tracks, expectedCues, container, signal);
      return { output, tracks: muxed };
    },
  );
}

async function refuseUnsafeOutput(video: string, output: string, overwrite: boolean): Promise<void> {
  const videoStat = await stat(video).catch((error: NodeJS.ErrnoException) => {
    throw new MuxInputInvalidError(video, error.code === 'ENOENT' ? 'video not found' : error.message, error);
  });
  const outputStat = await stat(output).catch(() => undefined);
  if (outputStat === undefined) return;
  // Same inode catches the input reached through another spelling, a symlink or a hard link.
  if (outputStat.dev === videoStat.dev && outputStat.ino === videoStat.ino) {
    throw new MuxOutputExistsError(output, true);
  }
  if (!overwrite) throw new MuxOutputExistsError(output, false);
}

const packetsSchema = z.object({
  packets: z.array(z.object({ pts_time: z.coerce.number(), size: z.coerce.number() })).default([]),
});

async function verify(
  muxed: string,
  output: string,
  source: ProbedMedia,
  tracks: readonly SubtitleTrack[],
  expectedCues: readonly number[],
  container: Container,
  signal: AbortSignal | undefined,
): Promise<MuxedTrack[]> {
  const { probedCodec } = container;
  const fail = (reason: string, cause?: unknown) => new MuxVerifyFailedError(output, reason, cause);
  const media = await probeMedia(muxed, { signal, fail });
  const count = (probed: ProbedMedia, type: string) =>
    probed.streams.filter((stream) => stream.codec_type === type).length;
  for (const type of ['video', 'audio']) {
    if (count(media, type) !== count(source, type)) {
      throw fail(`${count(source, type)} ${type} stream(s) in the input, ${count(media, type)} in the output`);
    }
  }
  const subtitles = media.streams.filter((stream) => stream.codec_type === 'subtitle');
  if (subtitles.length !== tracks.length) {
    throw fail(`${tracks.length} subtitle track(s) muxed, ${subtitles.length} found`);
  }

  const found: MuxedTrack[] = [];
  for (const [index, track] of tracks.entries()) {
    const stream = subtitles[index];
    const expectedCue = expectedCues[index];
    if (stream === undefined || expectedCue === undefined) throw fail(`subtitle track ${index} missing`);
    const language = toIso6392(track.language, container.languageForm);
    const title = stream.tags.title ?? stream.tags.handler_name;
    if (stream.codec_name !== probedCodec || stream.tags.language !== language || title !== track.title) {
      throw fail(
        `subtitle track ${index} is ${stream.codec_name}/${stream.tags.language}/"${title}", ` +
          `expected ${probedCodec}/${language}/"${track.title}"`,
      );
    }
    const firstCue = await firstCueInFile(muxed, index, signal, fail);
    if (Math.abs(firstCue - expectedCue) > CUE_TOLERANCE_SECONDS) {
      throw fail(`subtitle track ${index} starts at ${firstCue} s, its SRT at ${expectedCue} s`);
    }
    found.push({ index: stream.index, language, title, codec: probedCodec, expectedFirstCue: expectedCue, firstCue });
  }
  return found;
}

/**
 * The time of the first cue of subtitle track `index`. MP4 fills the gap before the first cue with an
 * empty 2-byte mov_text sample at 0, so the first packet with text is the one that counts.
 */
async function firstCueInFile(
  muxed: string,
  index: number,
  signal: AbortSignal | undefined,
  fail: (reason: string, cause?: unknown) => MuxVerifyFailedError,
): Promise<number> {
  const result = await execa(
    'ffprobe',
    [
      '-v', 'error',
      '-select_streams', `s:${index}`,
      '-read_intervals', '%+#2',
      '-show_entries', 'packet=pts_time,size',
      '-of', 'json',
      `file:${muxed}`,
    ],
    { cancelSignal: signal, reject: false },
  );
  if (result.isCanceled) throw signal?.reason;
  const parsed = result.failed ? undefined : packetsSchema.safeParse(JSON.parse(result.stdout));
  const cue = parsed?.success ? parsed.data.packets.find((packet) => packet.size > 2) : undefined;
  if (cue === undefined) throw fail(`no cue found in subtitle track ${index}`, result);
  return cue.pts_time;
}
