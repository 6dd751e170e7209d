import { breakCost, classifyWords, LINE_BREAK_COSTS, type WordTraits } from './boundaries';
import { countCharacters } from './count-characters';
import type { Preset } from './schemas';

/** A word ready for layout: its text, its width in characters and its break traits. */
export interface LayoutWord {
  text: string;
  length: number;
  traits: WordTraits;
}

export interface LineLayout {
  /** Index of the first word of each line after the first. */
  breaks: number[];
  /** Width of each line in characters. */
  lengths: number[];
  cost: number;
}

// Balance matters less than where a break falls: a break after punctuation with lines 20 characters
// apart (5) still beats a plain break with even lines (12).
const BALANCE_COST_PER_CHAR = 0.25;
// Higher than any break-placement difference, so a one-word line is chosen only when nothing else fits.
const ORPHAN_COST = 40;
const EXTRA_LINE_COST = 10;
// On two lines a sentence should end at a line's end; "Go. I told you" reads fine on one line only.
const MID_LINE_SENTENCE_END_COST = 15;
/** Netflix marks each of two speakers in one subtitle with a hyphen and no space. */
export const DIALOGUE_DASH = '-';

/** Running totals over the words, so any line's width and sentence ends cost O(1). */
export type WordTotals = ReturnType<typeof totalsOf>;

export function totalsOf(words: readonly LayoutWord[]) {
  const chars = [0];
  const sentenceEnds = [0];
  for (const word of words) {
    chars.push(chars.at(-1)! + word.length);
    sentenceEnds.push(sentenceEnds.at(-1)! + (word.traits.endsSentence ? 1 : 0));
  }
  return {
    width: (from: number, to: number) => chars[to]! - chars[from]! + (to - from - 1),
    /** Sentence ends inside the line [from, to), not at its end. */
    midLineSentenceEnds: (from: number, to: number) => sentenceEnds[to - 1]! - sentenceEnds[from]!,
  };
}

/** The words set on lines that start at 0 and at each of `breaks`. */
export function linesOf(words: readonly LayoutWord[], breaks: readonly number[]): string[] {
  const bounds = [0, ...breaks, words.length];
  return bounds.slice(1).map((to, line) =>
    words
      .slice(bounds[line], to)
      .map((word) => word.text)
      .join(' '),
  );
}

/**
 * The best way to set words [start, end) on at most `preset.maxLines` lines of
 * `preset.maxCharsPerLine`: one line when they fit, else the breaks that fall on the best boundaries
 * with the most even lines and no one-word line if avoidable. Undefined when they cannot fit.
 * `totals` are those of all `words`, computed once by the caller.
 */
export function layoutLines(
  words: readonly LayoutWord[],
  preset: Preset,
  start = 0,
  end = words.length,
  totals: WordTotals = totalsOf(words),
): LineLayout | undefined {
  const { maxCharsPerLine, maxLines } = preset;
  const { width, midLineSentenceEnds } = totals;
  const count = end - start;
  const total = width(start, end);
  if (total <= maxCharsPerLine) return { breaks: [], lengths: [total], cost: 0 };

  let best: LineLayout | undefined;
  const breaks: number[] = [];
  const lengths: number[] = [];
  // Lays out words [from, end) after the lines already chosen, whose cost so far is `cost`.
  const visit = (from: number, cost: number) => {
    // On the last line allowed, the line must take every word left.
    const lastLineAllowed = breaks.length + 1 === maxLines;
    for (let to = lastLineAllowed ? end : from + 1; to <= end; to += 1) {
      const length = width(from, to);
      if (length > maxCharsPerLine) return;
      const last = to === end;
      let lineCost = cost + midLineSentenceEnds(from, to) * MID_LINE_SENTENCE_END_COST;
      if (count > 2 && to - from === 1) lineCost += ORPHAN_COST;
      lengths.push(length);
      if (last) {
        if (breaks.length > 0) {
          const total = lineCost + (Math.max(...lengths) - Math.min(...lengths)) * BALANCE_COST_PER_CHAR + (lengths.length - 2) * EXTRA_LINE_COST;
          if (!best || total < best.cost) best = { breaks: [...breaks], lengths: [...lengths], cost: total };
        }
      } else {
        breaks.push(to);
        visit(to, lineCost + breakCost(words[to - 1]!.traits, words[to]!.traits, LINE_BREAK_COSTS));
        breaks.pop();
      }
      lengths.pop();
    }
  };
  visit(start, 0);
  return best && { ...best, breaks: best.breaks.map((at) => at - start) };
}

/**
 * Two speakers in one cue, words [start, turn) and [turn, end): one line each, led by a dash.
 * Undefined when either turn needs two lines.
 */
export function layoutDialogue(totals: WordTotals, start: number, turn: number, end: number, preset: Preset): LineLayout | undefined {
  if (preset.maxLines < 2) return undefined;
  const lengths = [totals.width(start, turn), totals.width(turn, end)].map((width) => DIALOGUE_DASH.length + width);
  if (lengths.some((length) => length > preset.maxCharsPerLine)) return undefined;
  return { breaks: [turn - start], lengths, cost: 0 };
}

/**
 * Lays out `text` on lines by `preset`: one line when it fits, else breaks after punctuation and
 * before conjunctions, with balanced lines and no one-word line when a better break exists. For text
 * that was not segmented here, such as a translation. Undefined when it cannot fit the preset's lines.
 */
export function breakLines(text: string, preset: Preset): string[] | undefined {
  const texts = text.trim().split(/\s+/).filter(Boolean);
  if (texts.length === 0) return [];
  const traits = classifyWords(texts, preset);
  const words = texts.map((word, index) => ({ text: word, length: countCharacters(word), traits: traits[index]! }));
  const layout = layoutLines(words, preset);
  return layout && linesOf(words, layout.breaks);
}
