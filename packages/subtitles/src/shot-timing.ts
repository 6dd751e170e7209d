import { z } from 'zod';
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
/** The first cut in [from, to), if any. */
const firstCutIn = (cuts: readonly number[], from: number, to: number) => {
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
 * A move that would break the minimum or maximum duration or run into a neighbour is not made.
 * Times a rule moves land on frames; the others stay as they were. Cues keep their order and index.
 */
export function timeCuesToShots(cues: readonly Cue[], shotChanges: readonly number[], options: ShotTimingOptions): Cue[] {
  const valid = validate(z.array(CueSchema), cues, 'cues', 'Give each cue start and end in seconds');
  validate(z.array(z.number().nonnegative()), shotChanges, 'shot changes', 'Pass the shot changes as seconds from the start of the video');
  const frames = shotFramesOf(options);
  const { rate, gap, snap, redZone } = frames;
  const cuts = cutFramesOf(shotChanges, rate);
  const starts = valid.map((cue) => toFrame(cue.start, rate));
  const ends = valid.map((cue) => toFrame(cue.end, rate));
  const moved = valid.map(() => ({ start: false, end: false }));
  const fits = (start: number, end: number) => end - start >= frames.minDuration && end - start <= frames.maxDuration;

  // In-times first: the out-times before them depend on where they land.
  valid.forEach((_, at) => {
    const start = starts[at]!;
    const end = ends[at]!;
    const previousEnd = at > 0 ? ends[at - 1]! : Number.NEGATIVE_INFINITY;
    const setStart = (frame: number) => {
      starts[at] = frame;
      moved[at]!.start = true;
    };
    const before = lastCutIn(cuts, start - snap, start);
    if (before !== undefined && fits(before, end)) return setStart(before);
    const after = firstCutIn(cuts, start + 1, start + snap);
    if (after === undefined) return;
    const early = after - snap;
    const canStartEarly = early >= previousEnd + gap && fits(early, end);
    if (after - start <= redZone && fits(after, end)) setStart(after);
    else if (canStartEarly) setStart(early);
    else if (fits(after, end)) setStart(after);
  });

  valid.forEach((_, at) => {
    const start = starts[at]!;
    const end = ends[at]!;
    const nextStart = at + 1 < valid.length ? starts[at + 1]! : Number.POSITIVE_INFINITY;
    const setEnd = (frame: number) => {
      ends[at] = frame;
      moved[at]!.end = true;
    };
    const straddled = lastCutIn(cuts, Math.max(start, end - snap), end + 1);
    if (straddled !== undefined && straddled > start && straddled !== end) {
      if (fits(start, straddled - gap)) return setEnd(straddled - gap);
      const past = straddled + snap;
      if (past <= nextStart - gap && fits(start, past)) setEnd(past);
      return;
    }
    const ahead = firstCutIn(cuts, end, end + snap);
    if (ahead !== undefined && ahead > start && ahead - gap <= nextStart - gap && ahead - gap !== end && fits(start, ahead - gap)) setEnd(ahead - gap);
  });

  // Chaining: no gap under the minimum, and short gaps with no cut in them close to it.
  for (let at = 0; at + 1 < valid.length; at += 1) {
    const nextStart = starts[at + 1]!;
    const space = nextStart - ends[at]!;
    const cutBetween = firstCutIn(cuts, ends[at]! + 1, nextStart) !== undefined;
    if (space === gap || (space > gap && (space >= frames.closeGapsUnder || cutBetween))) continue;
    if (space < gap || fits(starts[at]!, nextStart - gap)) {
      ends[at] = nextStart - gap;
      moved[at]!.end = true;
    }
  }

  return valid.map((cue, at) => ({
    ...cue,
    start: moved[at]!.start ? toSeconds(starts[at]!, rate) : cue.start,
    end: moved[at]!.end ? toSeconds(ends[at]!, rate) : cue.end,
  }));
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
