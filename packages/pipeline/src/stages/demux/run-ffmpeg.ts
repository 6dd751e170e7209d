import { createInterface } from 'node:readline';
import type { BollyxError } from '@bollyx/errors';
import { guardedExeca } from '@bollyx/stage-runner';
import { failureReason } from './failure-reason';

export interface RunFfmpegOptions {
  /** Inputs, mappings and output; the progress and logging flags are added here. */
  args: readonly string[];
  /** Length of the media in seconds, the denominator of the progress fraction. */
  duration: number | undefined;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Builds the caller's typed error when ffmpeg exits non-zero. */
  fail: (reason: string, cause?: unknown) => BollyxError;
}

/**
 * Runs ffmpeg with `-progress pipe:1` and turns its `out_time_us` reports into a 0–1 fraction. An abort
 * kills ffmpeg and rethrows the signal's reason; a killed runner takes ffmpeg with it (`guardedExeca`).
 */
export async function runFfmpeg(options: RunFfmpegOptions): Promise<void> {
  const { duration, onProgress } = options;
  const subprocess = guardedExeca(
    'ffmpeg',
    ['-hide_banner', '-nostdin', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1', ...options.args],
    { cancelSignal: options.signal, forceKillAfterDelay: 2_000, reject: false, stdin: 'ignore' },
  );
  let reported = -1;
  const report = (fraction: number): void => {
    // ffmpeg repeats a block per half second; only a change is worth a callback. A killed ffmpeg still
    // prints a last `progress=end`, which must not read as done.
    if (fraction > reported && !options.signal?.aborted) {
      reported = fraction;
      onProgress?.(fraction);
    }
  };
  if (subprocess.stdout) {
    createInterface({ input: subprocess.stdout }).on('line', (line) => {
      const [key, value] = line.split('=', 2);
      if (key === 'out_time_us' && duration !== undefined && duration > 0) {
        const seconds = Number(value) / 1e6;
        if (Number.isFinite(seconds) && seconds >= 0) report(Math.min(1, seconds / duration));
      } else if (key === 'progress' && value === 'end') {
        report(1);
      }
    });
  }
  const result = await subprocess;
  if (result.isCanceled) throw options.signal?.reason;
  if (result.failed) throw options.fail(failureReason(result), result);
}
