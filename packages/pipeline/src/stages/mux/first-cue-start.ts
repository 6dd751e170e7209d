import { readFile } from 'node:fs/promises';
import { MuxInputInvalidError } from './mux-errors';

const CUE_TIMING = /(\d+):(\d{2}):(\d{2})[,.](\d{3})\s*-->/g;

/**
 * The earliest cue start in an SRT file, in seconds: what the first subtitle packet of the muxed track
 * must carry (ffmpeg orders cues by time, so the earliest, not the first written, comes first).
 */
export async function firstCueStart(srtPath: string): Promise<number> {
  const text = await readFile(srtPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new MuxInputInvalidError(srtPath, error.code === 'ENOENT' ? 'subtitle file not found' : error.message, error);
  });
  let earliest = Infinity;
  for (const [, hours, minutes, seconds, millis] of text.matchAll(CUE_TIMING)) {
    earliest = Math.min(
      earliest,
      Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(millis) / 1000,
    );
  }
  if (earliest === Infinity) throw new MuxInputInvalidError(srtPath, 'no SRT cues in the file');
  return earliest;
}
