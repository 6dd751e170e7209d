import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { DemuxFailedError, DemuxInputNotFoundError } from './demux-errors';
import { pickAudioStream } from './pick-audio-stream';
import type { AudioStreamChoice } from './pick-audio-stream';
import { probeMedia } from './probe-media';
import { runFfmpeg } from './run-ffmpeg';
import { writeThroughTemp } from './temp-output';

/** What VAD and the speech engines read: 16 kHz mono 16-bit PCM. */
export const EXTRACTED_SAMPLE_RATE = 16_000;

export const extractedAudioSchema = z.object({
  output: z.string(),
  stream: z.object({
    /** Index among all the container's streams (ffmpeg's `0:<index>`). */
    index: z.number().int(),
    /** Index among the audio streams (what `--audio-stream` counts). */
    audioIndex: z.number().int(),
    language: z.string().nullable(),
    codec: z.string().nullable(),
    channels: z.number().int().nullable(),
    sampleRate: z.number().nullable(),
  }),
  /** Seconds, as probed from the input stream (or the container when the stream has none). */
  duration: z.number().nullable(),
});

export type ExtractedAudio = z.infer<typeof extractedAudioSchema>;

export interface ExtractAudioOptions extends AudioStreamChoice {
  input: string;
  /** Where the WAV goes; written under a temp name and renamed, so it is complete or absent. */
  output: string;
  signal?: AbortSignal;
  /** Fraction done, 0–1, from ffmpeg's `-progress` reports. */
  onProgress?: (fraction: number) => void;
}

/** Demux stage: decodes one audio stream of a movie to a 16 kHz mono PCM WAV. */
export async function extractAudio(options: ExtractAudioOptions): Promise<ExtractedAudio> {
  const { input, output, signal } = options;
  signal?.throwIfAborted();
  await stat(input).catch((error: NodeJS.ErrnoException) => {
    // Other failures (permissions, a FIFO…) are left to ffprobe, which names them.
    if (error.code === 'ENOENT') throw new DemuxInputNotFoundError(input);
  });
  const fail = (reason: string, cause?: unknown) => new DemuxFailedError(input, reason, cause);
  const media = await probeMedia(input, { signal, fail });
  const { stream, audioIndex } = pickAudioStream(input, media.streams, options);
  const duration = stream.duration ?? media.format.duration ?? null;

  await writeThroughTemp(output, {}, (tempPath) =>
    runFfmpeg({
      args: [
        '-i', `file:${input}`,
        '-map', `0:${stream.index}`,
        // Subtitle times are read off this WAV: pad a late-starting stream (and fill timestamp gaps) with
        // silence so sample N stays at N/16000 s on the movie's timeline.
        '-af', 'aresample=async=1:first_pts=0',
        '-ac', '1',
        '-ar', String(EXTRACTED_SAMPLE_RATE),
        '-c:a', 'pcm_s16le',
        '-f', 'wav',
        `file:${tempPath}`,
      ],
      duration: duration ?? undefined,
      signal,
      onProgress: options.onProgress,
      fail,
    }),
  );

  return {
    output,
    stream: {
      index: stream.index,
      audioIndex,
      language: stream.tags.language === undefined || stream.tags.language === 'und' ? null : stream.tags.language,
      codec: stream.codec_name ?? null,
      channels: stream.channels ?? null,
      sampleRate: stream.sample_rate ?? null,
    },
    duration,
  };
}
