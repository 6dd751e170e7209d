import { z } from 'zod';
import { breakCost, CUE_BREAK_COSTS } from './boundaries';
import { DIALOGUE_DASH, layoutDialogue, layoutLines, linesOf, type LineLayout, totalsOf, type WordTotals } from './break-lines';
import { prepareWords, type TimedWord } from './prepare-words';
import { type Cue, type Preset, PresetSchema, type Segment, SegmentOptionsSchema, SegmentSchema, type SegmentOptions } from './schemas';
import { firstCutIn } from './shot-timing';
import { validate } from './validate';

// Costs the cue search minimises. Rule breaks (reading speed, minimum duration) cost more than any
// choice of boundary, so they happen only when no partition avoids them.
const CUE_COST = 20;
const ONE_WORD_CUE_COST = 40;
const DIALOGUE_CUE_COST = 15;
const PAUSE_BONUS_PER_SECOND = 40;
const INTERNAL_PAUSE_ALLOWANCE_MS = 500;
const INTERNAL_PAUSE_COST_PER_SECOND = 40;
const READING_SPEED_COST = 100;
const READING_SPEED_COST_PER_CPS = 50;
const MIN_DURATION_COST = 100;
const MIN_DURATION_COST_PER_MS = 0.2;
// Netflix: avoid subtitles that cross a shot change whenever possible; a cue may still run over one.
const SHOT_CROSSING_COST = 50;

/** The preset's time limits on the integer-millisecond clock, rounded so written cues keep them. */
interface Timing {
  gapMs: number;
  closeGapsUnderMs: number;
  minDurationMs: number;
  maxDurationMs: number;
  tailMs: number;
  maxCharsPerSecond: number;
  /** Shot changes in ms, ascending. */
  cutsMs: number[];
}

interface CuePlan {
  layout: LineLayout;
  /** Two speakers, one line each. */
  dialogue: boolean;
  startMs: number;
  endMs: number;
  cost: number;
}

const ceilMs = (seconds: number) => Math.ceil(seconds * 1000 - 1e-6);

function timingOf(preset: Preset, frameRate: number, maxTailSeconds: number, shotChanges: readonly number[]): Timing {
  return {
    cutsMs: shotChanges.map((seconds) => Math.round(seconds * 1000)).sort((a, b) => a - b),
    gapMs: ceilMs(preset.minGapFrames / frameRate),
    closeGapsUnderMs: Math.floor((preset.closeGapsUnderFrames / frameRate) * 1000),
    minDurationMs: ceilMs(preset.minDurationSeconds),
    maxDurationMs: Math.floor(preset.maxDurationSeconds * 1000),
    tailMs: Math.round(maxTailSeconds * 1000),
    maxCharsPerSecond: preset.maxCharsPerSecond,
  };
}

/**
 * When the cue of words [from, to) leaves the screen: after its last word, held for the minimum
 * duration and, within the tail past the end of speech, long enough to read; a short gap to the next
 * cue is closed to the minimum gap; never later than the minimum gap before the next cue or the
 * maximum duration.
 */
function cueEnd(words: readonly TimedWord[], from: number, to: number, chars: number, timing: Timing): number {
  const startMs = words[from]!.startMs;
  const last = words[to - 1]!;
  const next = words[to];
  const readingEnd = startMs + Math.ceil((chars * 1000) / timing.maxCharsPerSecond);
  const tailEnd = Math.max(last.endMs, last.speechEndMs + timing.tailMs);
  let end = Math.max(last.endMs, startMs + timing.minDurationMs, Math.min(readingEnd, tailEnd));
  if (next && next.startMs - end < timing.closeGapsUnderMs) end = next.startMs - timing.gapMs;
  end = Math.min(end, startMs + timing.maxDurationMs);
  return Math.max(end, startMs + 1);
}

/** Lays out the words [from, to); `turnStart` is where a second speaker starts, if one does. */
function layoutCue(
  words: readonly TimedWord[],
  totals: WordTotals,
  from: number,
  to: number,
  turnStart: number | undefined,
  preset: Preset,
): LineLayout | undefined {
  if (turnStart !== undefined) {
    const layout = layoutDialogue(totals, from, turnStart, to, preset);
    return layout && { ...layout, cost: layout.cost + DIALOGUE_CUE_COST };
  }
  // A lone word too wide for a line still gets a cue of its own; the linter reports it.
  return layoutLines(words, preset, from, to, totals) ?? (to - from === 1 ? { breaks: [], lengths: [words[from]!.length], cost: 0 } : undefined);
}

function planCue(
  words: readonly TimedWord[],
  totals: WordTotals,
  from: number,
  to: number,
  turnStart: number | undefined,
  preset: Preset,
  timing: Timing,
): CuePlan | undefined {
  const layout = layoutCue(words, totals, from, to, turnStart, preset);
  if (!layout) return undefined;
  const chars = layout.lengths.reduce((sum, length) => sum + length, 0);
  const startMs = words[from]!.startMs;
  const endMs = cueEnd(words, from, to, chars, timing);
  const last = words[to - 1]!;
  const next = words[to];

  let cost = CUE_COST + layout.cost;
  if (next && next.speaker === last.speaker) {
    const pause = Math.min(Math.max(next.startMs - last.endMs, 0), 1000) / 1000;
    cost += breakCost(last.traits, next.traits, CUE_BREAK_COSTS) - pause * PAUSE_BONUS_PER_SECOND;
  }
  for (let index = from + 1; index < to; index += 1) {
    const pause = words[index]!.startMs - words[index - 1]!.endMs;
    if (pause > INTERNAL_PAUSE_ALLOWANCE_MS) cost += ((pause - INTERNAL_PAUSE_ALLOWANCE_MS) / 1000) * INTERNAL_PAUSE_COST_PER_SECOND;
  }
  const duration = endMs - startMs;
  const charsPerSecond = (chars * 1000) / duration;
  if (charsPerSecond > timing.maxCharsPerSecond) {
    cost += READING_SPEED_COST + (charsPerSecond - timing.maxCharsPerSecond) * READING_SPEED_COST_PER_CPS;
  }
  if (duration < timing.minDurationMs) cost += MIN_DURATION_COST + (timing.minDurationMs - duration) * MIN_DURATION_COST_PER_MS;
  // A cut before one of the cue's later words: the cue would run from one shot into the next.
  if (firstCutIn(timing.cutsMs, startMs + 1, last.startMs + 1) !== undefined) cost += SHOT_CROSSING_COST;
  const only = words[from]!;
  if (to - from === 1 && !(only.traits.startsSentence && only.traits.endsSentence)) cost += ONE_WORD_CUE_COST;
  return { layout, dialogue: turnStart !== undefined, startMs, endMs, cost };
}

/**
 * Turns ASR word timings into cues that keep `preset`: the cheapest partition of the words into cues
 * (dynamic programming over cue boundaries), where a cue must fit the preset's lines and last no
 * longer than its maximum duration, and costs grow for boundaries inside a phrase, pauses inside a cue,
 * one-word cues, reading too fast and cues too short. Too-short cues therefore merge into neighbours
 * and too-long ones split at the best word boundary. A change of speaker always ends a cue, except
 * that style `dash` may show two short turns in one cue, one line each. With `shotChanges`, a cue that
 * would run from one shot into the next costs more, so cues break at cuts where the words allow.
 */
export function segmentCues(segments: readonly Segment[], preset: Preset, options: SegmentOptions = {}): Cue[] {
  const fix = 'Pass ASR segments as { words: { text, start, end }[], speaker? }[] with times in seconds';
  const validSegments = validate(z.array(SegmentSchema), segments, 'segments', fix);
  const validPreset = validate(PresetSchema, preset, 'preset', 'Pass a built-in preset: getPreset("netflix-en")');
  const validOptions = validate(SegmentOptionsSchema, options, 'segmentation options', fix);
  const words = prepareWords(validSegments, validPreset, validOptions);
  const timing = timingOf(validPreset, validOptions.frameRate ?? validPreset.frameRate, validOptions.maxTailSeconds, validOptions.shotChanges ?? []);
  const maxSpeakerChanges = validOptions.speakerStyle === 'dash' && validPreset.maxLines >= 2 ? 1 : 0;
  // Longest text that could fit a cue (a line break stands for one space); no longer run needs trying.
  const maxCueChars = validPreset.maxLines * (validPreset.maxCharsPerLine + 1) - 1;

  const totals = totalsOf(words);
  const best = new Array<number>(words.length + 1).fill(Number.POSITIVE_INFINITY);
  const chosen = new Array<CuePlan & { from: number }>(words.length + 1);
  best[0] = 0;
  for (let to = 1; to <= words.length; to += 1) {
    let chars = -1;
    let speakerChanges = 0;
    let turnStart: number | undefined;
    for (let from = to - 1; from >= 0; from -= 1) {
      chars += words[from]!.length + 1;
      if (from < to - 1 && words[from]!.speaker !== words[from + 1]!.speaker) {
        speakerChanges += 1;
        turnStart = from + 1;
      }
      const single = from === to - 1;
      const spoken = words[to - 1]!.endMs - words[from]!.startMs;
      if (!single && (chars > maxCueChars || speakerChanges > maxSpeakerChanges || spoken > timing.maxDurationMs)) break;
      const plan = planCue(words, totals, from, to, turnStart, validPreset, timing);
      if (plan && best[from]! + plan.cost < best[to]!) {
        best[to] = best[from]! + plan.cost;
        chosen[to] = { ...plan, from };
      }
    }
  }

  const plans: (CuePlan & { from: number; to: number })[] = [];
  for (let to = words.length; to > 0; to = chosen[to]!.from) plans.unshift({ ...chosen[to]!, to });
  return plans.map((plan, index) => {
    const lines = linesOf(words.slice(plan.from, plan.to), plan.layout.breaks);
    // A cue that is not a dialogue has one speaker: hers, for voice spans, TTML agents and ASS names.
    const speaker = plan.dialogue ? undefined : words[plan.from]!.speaker;
    return {
      index: index + 1,
      start: plan.startMs / 1000,
      end: plan.endMs / 1000,
      lines: plan.dialogue ? lines.map((line) => DIALOGUE_DASH + line) : lines,
      ...(speaker === undefined ? {} : { speaker }),
    };
  });
}
