import { spreadWords } from '../asr/spread-words';
import type { TranscriptSegment } from '../asr/transcript';

/** What a name corrector (`correctNames` of `@bollyx/names`, bound to a glossary and script) makes of one text. */
export interface TextCorrection {
  text: string;
  /** Each change at its character index in the text given. */
  changes: Array<{ before: string; after: string; index: number; rule: string }>;
}

/** One change, where it is in the film: what the corrections file records for a user to audit. */
export interface NameChange {
  before: string;
  after: string;
  /** Seconds on the movie's timeline: the words the change touched. */
  start: number;
  end: number;
  /** The segment's index in the transcript. */
  segment: number;
  rule: string;
}

/**
 * The segments with the names corrected in each (its words joined by spaces, as the subtitles show them):
 * the words a change covers are replaced by the corrected text's words, spread over their time, so a name
 * split or joined ("Shah Rukh" ↔ "Shahrukh") keeps its place. Segments without changes stay as they were.
 */
export function correctSegments(
  segments: readonly TranscriptSegment[],
  correct: (text: string) => TextCorrection,
): { segments: TranscriptSegment[]; changes: NameChange[] } {
  const changes: NameChange[] = [];
  const corrected = segments.map((segment, index) => {
    const { words: corrected, changes: made } = correctWords(segment.words, correct);
    changes.push(...made.map((change) => ({ ...change, segment: index })));
    return made.length === 0 ? segment : { ...segment, words: corrected };
  });
  return { segments: corrected, changes };
}

type Word = TranscriptSegment['words'][number];

function correctWords(words: readonly Word[], correct: (text: string) => TextCorrection): { words: Word[]; changes: Array<Omit<NameChange, 'segment'>> } {
  // Each word's span in the joined text.
  let offset = 0;
  const spans = words.map((word) => {
    const span = { word, from: offset, to: offset + word.text.length };
    offset = span.to + 1;
    return span;
  });
  const text = words.map((word) => word.text).join(' ');
  const result = correct(text);
  const ordered = [...result.changes].sort((a, b) => a.index - b.index);
  const out: Word[] = [];
  const changes: Array<Omit<NameChange, 'segment'>> = [];
  let next = 0;
  for (const change of ordered) {
    const from = change.index;
    const to = from + change.before.length;
    // A change inside words already replaced (overlapping changes) cannot be placed: the corrector's text is wrong there.
    const first = spans.findIndex((span, i) => i >= next && span.to > from);
    if (first === -1 || spans[first]!.from >= Math.max(to, from + 1)) continue;
    let last = first;
    while (last + 1 < spans.length && spans[last + 1]!.from < to) last++;
    out.push(...spans.slice(next, first).map((span) => span.word));
    const head = text.slice(spans[first]!.from, from);
    const tail = text.slice(to, spans[last]!.to);
    const start = spans[first]!.word.start;
    const end = Math.max(...spans.slice(first, last + 1).map((span) => span.word.end));
    out.push(...spreadWords(`${head}${change.after}${tail}`, start, end));
    changes.push({ before: change.before, after: change.after, start, end, rule: change.rule });
    next = last + 1;
  }
  out.push(...spans.slice(next).map((span) => span.word));
  return { words: out, changes };
}
