import { unlink, rename } from 'node:fs/promises';
import { ClipFailedError, FfmpegNotFoundError, JobCancelledError } from './errors';
import { partialPathOf } from './partial-path';

export interface ClipMediaOptions {
  /** Seconds; undefined for the beginning. */
  start: number | undefined;
  /** Seconds; undefined for the end. */
  end: number | undefined;
  durationSeconds: number;
  signal?: AbortSignal;
  /** Share of the clip written, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

type ClipMethod = 'clip-copy' | 'clip-reencode-audio';

function ffmpegArgs(source: string, output: string, options: ClipMediaOptions, method: ClipMethod): string[] {
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1',
    // Before -i: seek in the input, fast on a 2-hour film; -to is then a position in the input too.
    ...(options.start === undefined ? [] : ['-ss', String(options.start)]),
    ...(options.end === undefined ? [] : ['-to', String(options.end)]),
    // `file:` keeps a name that starts with "-" from reading as an option (ffmpeg takes no `--`).
    '-i', `file:${source}`,
    // Video, every audio track, subtitles and fonts; not data tracks (timecodes), which often cannot be copied.
    '-map', '0:v?', '-map', '0:a', '-map', '0:s?', '-map', '0:t?',
    '-c', 'copy',
    ...(method === 'clip-reencode-audio' ? ['-c:a', 'aac', '-b:a', '192k'] : []),
    '-n', `file:${output}`,
  ];
}

async function runFfmpeg(args: string[], options: ClipMediaOptions): Promise<{ ok: true } | { ok: false; message: string }> {
  // Loaded here: execa costs ~150 ms to import, which only clipping (seconds of work) should pay.
  const { execa } = await import('execa');
  const length = (options.end ?? options.durationSeconds) - (options.start ?? 0);
  const subprocess = execa('ffmpeg', args, { reject: false, cancelSignal: options.signal });
  for await (const line of subprocess) {
    const match = /^out_time_us=(\d+)$/.exec(line);
    if (match) options.onProgress?.(Math.min(1, Number(match[1]) / 1e6 / length));
  }
  const result = await subprocess;
  if (result.isCanceled) throw new JobCancelledError(result.cause);
  if (result.code === 'ENOENT') throw new FfmpegNotFoundError('ffmpeg', result.cause);
  if (result.failed) return { ok: false, message: result.stderr.trim().split('\n').slice(-2).join(' ') || String(result.shortMessage) };
  return { ok: true };
}

/**
 * Cuts [start, end] of `source` into `destination` (same container) with ffmpeg: streams are copied,
 * which takes seconds even for a film; only when the container refuses the copied audio (PCM in MP4)
 * is the audio re-encoded to AAC. In MP4/MOV the cut is exact (edit lists); other containers start at
 * the key frame before `start`.
 */
export async function clipMedia(source: string, destination: string, options: ClipMediaOptions): Promise<ClipMethod> {
  // Written under a temporary name with the same extension (ffmpeg picks the container by it), then renamed.
  const partial = partialPathOf(destination);
  let failure = '';
  for (const method of ['clip-copy', 'clip-reencode-audio'] as const) {
    const outcome = await runFfmpeg(ffmpegArgs(source, partial, options, method), options);
    if (outcome.ok) {
      await rename(partial, destination);
      options.onProgress?.(1);
      return method;
    }
    failure = outcome.message;
    await unlink(partial).catch(() => undefined);
  }
  throw new ClipFailedError(source, failure);
}
