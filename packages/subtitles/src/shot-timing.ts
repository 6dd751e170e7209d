import { z } from 'zod';
import { countCharacters } from './count-characters';
import { type Cue, CueSchema } from './schemas';
import { validate } from './validate';

const ShotTimingOptionsSchema = z.object({
  /** The video's frame rate: the rules count frames. */
  frameRate: z.number().positive(),
  minGapFrames: z.int().nonnegative().default(2),
  /** Netflix's "half a second", 12 frames at 24 fps; by default half the frame rate in whole frames. */
  snapFrames: z.int().positive().optional(),
  /** Gaps shorter than this close to the minimum gap; by default `snapFrames`. */
  closeGapsUnderFrames: z.int().nonnegative().optional(),
  minDurationSeconds: z.number().nonnegative().default(5 / 6),
  maxDurationSeconds: z.number().positive().default(7),
  /** The preset's reading speed: a move never shortens a cue below the time its text needs. */
  maxCharsPerSecond: z.number().positive().optional(),
});
export type ShotTimingOptions = z.input<typeof ShotTimingOptionsSchema>;

/** The rules' limits in frames. */
export interface ShotFrames {
  rate: number;
  gap: number;
  /** Half a second: in- and out-times this close to a cut belong on it, or clear of it. */
  snap: number;
  /** In-times this close before a cut move to it ("red zone"); further, up to `snap`, they move back. */
  redZone: number;
  closeGapsUnder: number;
  minDuration: number;
  maxDuration: number;
  maxCharsPerSecond: number | undefined;
}

export function shotFramesOf(options: ShotTimingOptions): ShotFrames {
  const valid = validate(ShotTimingOptionsSchema, options, 'shot timing options', 'Pass the video\'s { frameRate: 25 }');
  // Half a second in whole frames, an exact half rounded down: 12 at 24 and 25 fps, 15 at 29.97 and 30.
  const snap = valid.snapFrames ?? Math.round(valid.frameRate / 2 - 0.01);
  return {
    rate: valid.frameRate,
    gap: valid.minGapFrames,
    snap,
    // Netflix: 7 frames or fewer before a cut at 24 fps (where half a second is 12).
    redZone: Math.round((snap * 7) / 12),
    closeGapsUnder: valid.closeGapsUnderFrames ?? snap,
    minDuration: Math.ceil(valid.minDurationSeconds * valid.frameRate - 1e-6),
    maxDuration: Math.floor(valid.maxDurationSeconds * valid.frameRate + 1e-6),
    maxCharsPerSecond: valid.maxCharsPerSecond,
  };
}

export const toFrame = (seconds: number, rate: number) => Math.round(seconds * rate);
const toSeconds = (frame: number, rate: number) => Math.round((frame / rate) * 1000) / 1000;

/** Shot changes in seconds as sorted, distinct frame numbers. */
export const cutFramesOf = (shotChanges: readonly number[], rate: number): number[] =>
  [...new Set(shotChanges.map((seconds) => toFrame(seconds, rate)))].sort((a, b) => a - b);

/** The index of the first cut at or after `frame` (binary search: a film has thousands). */
function firstAtOrAfter(cuts: readonly number[], frame: number): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cuts[middle]! < frame) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The last cut in (from, to), if any. */
const lastCutIn = (cuts: readonly number[], from: number, to: number) => {
  const cut = cuts[firstAtOrAfter(cuts, to) - 1];
  return cut !== undefined && cut > from ? cut : undefined;
};
/** The first cut in [from, to) of sorted `cuts`, if any (frames here, milliseconds in segmentCues). */
export const firstCutIn = (cuts: readonly number[], from: number, to: number) => {
  const cut = cuts[firstAtOrAfter(cuts, from)];
  return cut !== undefined && cut < to ? cut : undefined;
};

/**
 * `cues` re-timed to the shot changes (seconds) as Netflix's Subtitle Timing Guidelines say, in frames
 * of `frameRate` (12 frames stand for half a second at 24 fps and scale with the rate):
 * - an in-time up to 11 frames after a cut moves back to the cut;
 * - an in-time 1–7 frames before a cut moves to the cut, 8–11 frames before it moves back to 12 frames
 *   before the cut;
 * - an out-time up to 11 frames after a cut (a cue straddling it by a few frames) pulls back to 2
 *   frames before the cut, or, where that leaves the cue too short, goes on to 12 frames past it;
 * - an out-time up to 11 frames before a cut, or on it, ends 2 frames before the cut;
 * - then every gap keeps the minimum (2 frames) and gaps under 12 frames with no cut in them close to
 *   it (chaining).
 * A move that would break the maximum duration, run into a neighbour, or make a cue shorter than the minimum
 * duration or the time its text needs at `maxCharsPerSecond` (or than it was, when it was shorter already)
 * is not made; nor is an in-time move back onto a cut that would squeeze the cue before under those.
 * Every time lands on a frame. Cues keep their order and index.
 */
export function timeCuesToShots(cues: readonly Cue[], shotChanges: readonly number[], options: ShotTimingOptions): Cue[] {
  const valid = validate(z.array(CueSchema), cues, 'cues', 'Give each cue start and end in seconds');
  validate(z.array(z.number().nonnegative()), shotChanges, 'shot changes', 'Pass the shot changes as seconds from the start of the video');
  const frames = shotFramesOf(options);
  const { rate, gap, snap, redZone } = frames;
  const cuts = cutFramesOf(shotChanges, rate);
  const starts = valid.map((cue) => toFrame(cue.start, rate));
  // Ends by duration, not by time: rounding both times alone could take a frame off a cue just long enough.
  const ends = valid.map((cue, at) => starts[at]! + toFrame(cue.end - cue.start, rate));
  // The fewest frames each cue may last: the minimum duration, or the time its text needs to be read.
  const shortest = valid.map((cue, at) => {
    const chars = cue.lines.reduce((sum, line) => sum + countCharacters(line), 0);
    const reading = frames.maxCharsPerSecond === undefined ? 0 : Math.ceil((chars / frames.maxCharsPerSecond) * rate - 1e-6);
    return Math.min(Math.max(frames.minDuration, reading), ends[at]! - starts[at]!);
  });
  const fits = (at: number, start: number, end: number) => end - start >= shortest[at]! && end - start <= frames.maxDuration;

  // In-times first: the out-times before them depend on where they land.
  valid.forEach((_, at) => {
    const start = starts[at]!;
    const end = ends[at]!;
    const previousEnd = at > 0 ? ends[at - 1]! : Number.NEGATIVE_INFINITY;
    // An earlier in-time chains the cue before to it (ending `gap` frames before), which must leave it long enough.
    const clearOfPrevious = (frame: number) => frame >= previousEnd + gap || fits(at - 1, starts[at - 1]!, frame - gap);
    const before = lastCutIn(cuts, start - snap, start);
    if (before !== undefined && fits(at, before, end) && clearOfPrevious(before)) {
      starts[at] = before;
      return;
    }
    const after = firstCutIn(cuts, start + 1, start + snap);
    if (after === undefined) return;
    const early = after - snap;
    const canStartEarly = early >= previousEnd + gap && fits(at, early, end);
    if (after - start <= redZone && fits(at, after, end)) starts[at] = after;
    else if (canStartEarly) starts[at] = early;
    else if (fits(at, after, end)) starts[at] = after;
  });

  valid.forEach((_, at) => {
    const start = starts[at]!;
    const end = ends[at]!;
    const nextStart = at + 1 < valid.length ? starts[at + 1]! : Number.POSITIVE_INFINITY;
    const straddled = lastCutIn(cuts, Math.max(start, end - snap), end + 1);
    if (straddled !== undefined && straddled > start && straddled !== end) {
      if (fits(at, start, straddled - gap)) ends[at] = straddled - gap;
      else if (straddled + snap <= nextStart - gap && fits(at, start, straddled + snap)) ends[at] = straddled + snap;
      return;
    }
    const ahead = firstCutIn(cuts, end, end + snap);
    if (ahead !== undefined && ahead > start && ahead - gap <= nextStart - gap && ahead - gap !== end && fits(at, start, ahead - gap)) ends[at] = ahead - gap;
  });

  // Chaining: no gap under the minimum, and short gaps with no cut in them close to it.
  for (let at = 0; at + 1 < valid.length; at += 1) {
    const nextStart = starts[at + 1]!;
    const space = nextStart - ends[at]!;
    const cutBetween = firstCutIn(cuts, ends[at]! + 1, nextStart) !== undefined;
    if (space === gap || (space > gap && (space >= frames.closeGapsUnder || cutBetween))) continue;
    if (space < gap || fits(at, starts[at]!, nextStart - gap)) ends[at] = nextStart - gap;
  }

  // Every time on a frame: the rules were checked in whole frames, and a time between frames can leave a
  // gap the frames call 2 (or 12) a fraction of a frame short.
  return valid.map((cue, at) => ({ ...cue, start: toSeconds(starts[at]!, rate), end: toSeconds(ends[at]!, rate) }));
}

/** One way a cue sits badly against a cut: which end, and what to do. */
export interface ShotProblem {
  at: number;
  edge: 'start' | 'end';
  message: string;
}

/**
 * Where `cues` break the shot-change rules `timeCuesToShots` applies: in-times near a cut but not on
 * it (or 12 frames before it), out-times near a cut that do not end 2 frames before it (unless the
 * next cue starts before the cut). `at` is the cue's position in `cues`.
 */
export function findShotProblems(cues: readonly Cue[], shotChanges: readonly number[], options: ShotTimingOptions): ShotProblem[] {
  const frames = shotFramesOf(options);
  const { rate, gap, snap } = frames;
  const cuts = cutFramesOf(shotChanges, rate);
  const problems: ShotProblem[] = [];
  const plural = (count: number) => `${count} ${count === 1 ? 'frame' : 'frames'}`;
  cues.forEach((cue, at) => {
    const start = toFrame(cue.start, rate);
    const end = toFrame(cue.end, rate);
    const nextStart = at + 1 < cues.length ? toFrame(cues[at + 1]!.start, rate) : Number.POSITIVE_INFINITY;
    const before = lastCutIn(cuts, start - snap, start);
    const after = firstCutIn(cuts, start + 1, start + snap);
    if (before !== undefined) {
      problems.push({ at, edge: 'start', message: `starts ${plural(start - before)} after a shot change; start on it` });
    } else if (after !== undefined) {
      problems.push({ at, edge: 'start', message: `starts ${plural(after - start)} before a shot change; start on it or ${snap} frames before it` });
    }
    const straddled = lastCutIn(cuts, Math.max(start, end - snap), end);
    const ahead = firstCutIn(cuts, end, end + snap);
    if (straddled !== undefined) {
      problems.push({ at, edge: 'end', message: `ends ${plural(end - straddled)} after a shot change; end ${gap} frames before it, or ${snap} frames or more after it` });
    } else if (ahead !== undefined && ahead - end !== gap && ahead <= nextStart) {
      problems.push({
        at,
        edge: 'end',
        message: ahead === end ? `ends on a shot change; end ${gap} frames before it` : `ends ${plural(ahead - end)} before a shot change; end ${gap} frames before it`,
      });
    }
  });
  return problems;
}
