import type { Preset } from './schemas';

/** What a word says about breaking a line or a cue next to it. */
export interface WordTraits {
  endsSentence: boolean;
  endsClause: boolean;
  startsSentence: boolean;
  conjunction: boolean;
  preposition: boolean;
  postposition: boolean;
  keepWithNext: boolean;
  keepWithPrevious: boolean;
  number: boolean;
  /** Starts with a capital followed by a small letter: in mid-sentence, likely part of a name. */
  capitalised: boolean;
}

/** The cost of a break by the kind of boundary it falls on; lower is better. */
export interface BreakCosts {
  sentence: number;
  clause: number;
  conjunction: number;
  phrase: number;
  plain: number;
  /** Added when the break splits words that belong together (article and noun, first and last name). */
  splitsPair: number;
}

export const LINE_BREAK_COSTS: BreakCosts = { sentence: 0, clause: 2, conjunction: 3, phrase: 6, plain: 12, splitsPair: 25 };
export const CUE_BREAK_COSTS: BreakCosts = { sentence: 0, clause: 20, conjunction: 30, phrase: 40, plain: 60, splitsPair: 40 };

interface Lexicon {
  conjunctions: Set<string>;
  prepositions: Set<string>;
  postpositions: Set<string>;
  keepWithNext: Set<string>;
  keepWithPrevious: Set<string>;
  abbreviations: Set<string>;
  clauseEnds: readonly string[];
  sentenceEnds: readonly string[];
}

const lexicons = new WeakMap<Preset, Lexicon>();

function lexiconOf(preset: Preset): Lexicon {
  let lexicon = lexicons.get(preset);
  if (!lexicon) {
    const set = (words: readonly string[]) => new Set(words.map((word) => word.toLocaleLowerCase(preset.language)));
    const { breakWords } = preset;
    lexicon = {
      conjunctions: set(breakWords.conjunctions),
      prepositions: set(breakWords.prepositions),
      postpositions: set(breakWords.postpositions),
      keepWithNext: set(breakWords.keepWithNext),
      keepWithPrevious: set(breakWords.keepWithPrevious),
      abbreviations: set(breakWords.abbreviations),
      // Longest first, so "..." is read as an ellipsis before "." is read as a full stop.
      clauseEnds: [...preset.clauseEnds].sort((a, b) => b.length - a.length),
      sentenceEnds: [...preset.sentenceEnds].sort((a, b) => b.length - a.length),
    };
    lexicons.set(preset, lexicon);
  }
  return lexicon;
}

const CLOSING = /[\p{Pe}\p{Pf}"']+$/u;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const LEADING_OPENING = /^[\p{Ps}\p{Pi}"']+/u;
const INITIALISM = /^(?:\p{L}\.){2,}$/u;
const DIGIT = /\p{Nd}/u;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/** Classifies each word of a running text (`startsSentence` depends on the word before). */
export function classifyWords(texts: readonly string[], preset: Preset): WordTraits[] {
  const lexicon = lexiconOf(preset);
  let previousEndsSentence = true;
  return texts.map((text) => {
    const lower = text.toLocaleLowerCase(preset.language);
    const bare = lower.replace(EDGE_PUNCTUATION, '');
    // Titles keep their full stop ("dr."), so they are looked up without the opening quote only.
    const withStop = lower.replace(LEADING_OPENING, '');
    const tail = text.replace(CLOSING, '');
    const endsClause = lexicon.clauseEnds.some((mark) => tail.endsWith(mark));
    const endsSentence =
      !endsClause &&
      lexicon.sentenceEnds.some((mark) => tail.endsWith(mark)) &&
      !lexicon.abbreviations.has(withStop) &&
      !INITIALISM.test(withStop);
    const traits: WordTraits = {
      endsSentence,
      endsClause,
      startsSentence: previousEndsSentence,
      conjunction: lexicon.conjunctions.has(bare),
      preposition: lexicon.prepositions.has(bare),
      postposition: lexicon.postpositions.has(bare),
      keepWithNext: lexicon.keepWithNext.has(bare) || lexicon.keepWithNext.has(withStop),
      keepWithPrevious: lexicon.keepWithPrevious.has(bare),
      number: DIGIT.test(text),
      capitalised: CAPITALISED.test(text.replace(LEADING_OPENING, '')),
    };
    previousEndsSentence = endsSentence;
    return traits;
  });
}

/** The cost of breaking between `left` and `right` (a new line or a new cue starts at `right`). */
export function breakCost(left: WordTraits, right: WordTraits, costs: BreakCosts): number {
  if (left.endsSentence) return costs.sentence;
  if (left.endsClause) return costs.clause;
  const base = right.conjunction
    ? costs.conjunction
    : right.preposition || left.postposition
      ? costs.phrase
      : costs.plain;
  const splitsPair =
    left.keepWithNext ||
    left.conjunction ||
    left.preposition ||
    left.number ||
    right.keepWithPrevious ||
    right.postposition ||
    (left.capitalised && right.capitalised && !left.startsSentence);
  return splitsPair ? base + costs.splitsPair : base;
}
