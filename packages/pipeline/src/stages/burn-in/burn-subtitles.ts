import { filmVideoStream, probeMedia } from '../demux/probe-media';
import { runFfmpeg } from '../demux/run-ffmpeg';
import { writeThroughTemp } from '../demux/temp-output';
import { filterValue } from '../shots/filter-value';
import { BurnInFailedError } from './burn-in-errors';
import { encoderArgs } from './video-encoder';
import type { VideoEncoder } from './video-encoder';

/** Audio codecs an MP4 carries as they are; any other is re-encoded to AAC. */
const MP4_AUDIO = new Set(['aac', 'mp3', 'ac3', 'eac3', 'alac']);

export interface BurnSubtitlesOptions {
  video: string;
  /** The cues as an ASS file (`@bollyx/subtitles`' toAss: its style has a font that covers the language's script). */
  ass: string;
  /** An .mp4 file; written under a temp name and renamed, so it is complete or absent. */
  output: string;
  /** Default libx264; a hardware encoder that fails to start falls back to it. */
  encoder?: VideoEncoder;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Told when a hardware encoder failed and libx264 took over. */
  onFallback?: (encoder: VideoEncoder, reason: string) => void;
}

/**
 * Burn-in stage: a new H.264 MP4 of the video with the cues of an ASS file drawn into the picture by
 * libass (ffmpeg's `ass` filter) in the file's style. Shaping is set to complex (HarfBuzz): libass's
 * simple shaping would draw Devanagari unjoined, क्या as क् + या and दिल with its matra after the ल.
 * Audio is copied (or made AAC where MP4 cannot carry it); other streams are left out. Returns the
 * encoder that wrote it.
 */
export async function burnSubtitles(options: BurnSubtitlesOptions): Promise<VideoEncoder> {
  const { video, output, signal } = options;
  signal?.throwIfAborted();
  const fail = (reason: string, cause?: unknown) => new BurnInFailedError(video, reason, cause);
  const media = await probeMedia(video, { signal, fail });
  const stream = filmVideoStream(media);
  if (stream === undefined) throw fail('no video stream');
  const copiesAudio = media.streams.filter((candidate) => candidate.codec_type === 'audio').every((audio) => MP4_AUDIO.has(audio.codec_name ?? ''));
  const filter = `ass=filename=${filterValue(options.ass)}:shaping=complex`;

  const encode = (encoder: VideoEncoder) =>
    writeThroughTemp(output, {}, (tempPath) =>
      runFfmpeg({
        args: [
          '-i', `file:${video}`,
          '-map', `0:${stream.index}`, '-map', '0:a?',
          '-vf', filter,
          ...encoderArgs(encoder),
          '-pix_fmt', 'yuv420p',
          ...(copiesAudio ? ['-c:a', 'copy'] : ['-c:a', 'aac', '-b:a', '192k']),
          '-movflags', '+faststart',
          '-f', 'mp4', `file:${tempPath}`,
        ],
        duration: stream.duration ?? media.format.duration,
        signal,
        onProgress: options.onProgress,
        fail,
      }),
    );
  const encoder = options.encoder ?? 'libx264';
  try {
    await encode(encoder);
    return encoder;
  } catch (error) {
    // A GPU busy, missing or with an old driver: the CPU encoder still makes the video.
    if (encoder === 'libx264' || !(error instanceof BurnInFailedError)) throw error;
    options.onFallback?.(encoder, error.message);
    await encode('libx264');
    return 'libx264';
  }
}
