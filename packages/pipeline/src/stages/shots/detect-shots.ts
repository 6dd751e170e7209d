import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filmVideoStream, probeMedia } from '../demux/probe-media';
import { runFfmpeg } from '../demux/run-ffmpeg';
import { filterValue } from './filter-value';
import { frameRateOf } from './frame-rate';
import { ShotsFailedError } from './shots-errors';
import type { ShotCut, ShotsFile } from './shots-file';

/**
 * scdet's default: a score (0–100, the frame's mean absolute difference from the one before, less the
 * previous difference) above 10 is a cut. Hard cuts score 20–60; camera moves and fades stay well under.
 */
export const SCENE_THRESHOLD = 10;

export interface DetectShotsOptions {
  input: string;
  /** scdet's threshold (0–100); default SCENE_THRESHOLD. */
  threshold?: number;
  signal?: AbortSignal;
  /** Fraction of the video decoded, 0–1, from ffmpeg's `-progress` reports. */
  onProgress?: (fraction: number) => void;
}

/** The scdet metadata ffmpeg's `metadata=mode=print` writes: a `frame:N pts:… pts_time:T` line, then `key=value` lines. */
function parseCuts(text: string, frameRate: number): ShotCut[] {
  const cuts: ShotCut[] = [];
  let time: number | undefined;
  for (const line of text.split('\n')) {
    const frameTime = /\bpts_time:(\S+)/.exec(line);
    if (frameTime) time = Number(frameTime[1]);
    const score = /^lavfi\.scd\.score=(\S+)/.exec(line);
    if (score && time !== undefined && Number.isFinite(time)) {
      // A film whose video starts before its other streams can give the first frame a time just under 0.
      const at = Math.max(0, time);
      cuts.push({ time: at, frame: Math.round(at * frameRate), score: Number(score[1]) });
      time = undefined;
    }
  }
  return cuts;
}

/**
 * Shots stage: the frame rate of the movie's picture (its first video stream that is not cover art) and the frames where a new shot starts,
 * found by decoding the video once with ffmpeg's `scdet` filter (no audio decoded, nothing encoded).
 */
export async function detectShots(options: DetectShotsOptions): Promise<ShotsFile> {
  const { input, signal } = options;
  signal?.throwIfAborted();
  const fail = (reason: string, cause?: unknown) => new ShotsFailedError(input, reason, cause);
  const media = await probeMedia(input, { signal, fail });
  const video = filmVideoStream(media);
  if (video === undefined) throw fail('no video stream');
  const frameRate = frameRateOf(video);
  if (frameRate === undefined) throw fail('ffprobe reports no frame rate for the video stream');

  const dir = await mkdtemp(join(tmpdir(), 'bollyx-shots-'));
  try {
    const report = join(dir, 'scdet.txt');
    const threshold = options.threshold ?? SCENE_THRESHOLD;
    await runFfmpeg({
      args: [
        '-i', `file:${input}`,
        '-map', `0:${video.index}`,
        // sc_pass keeps only the cut frames, so the metadata report holds just them.
        '-vf', `scdet=threshold=${threshold}:sc_pass=1,metadata=mode=print:file=${filterValue(report)}`,
        '-f', 'null', '-',
      ],
      duration: video.duration ?? media.format.duration,
      signal,
      onProgress: options.onProgress,
      fail,
    });
    // No cut at all: the metadata filter never opened its file.
    const text = await readFile(report, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    return { frameRate, cuts: parseCuts(text, frameRate) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
