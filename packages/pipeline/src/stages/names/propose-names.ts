import { fillScripts, isDevanagari, nameKey, type Glossary, type GlossaryEntry } from '@bollyx/names';
import type { TranscriptSegment } from '../asr/transcript';

/** One named entity a model found in a segment's text (the ner script's result). */
export interface FoundEntity {
  /** The segment's index. */
  text: number;
  word: string;
  group: string;
  score: number;
}

/** The glossary kind of a model's entity group: CoNLL's and IndicNER's PER, LOC, ORG (MISC and the rest are other). */
const KIND_OF_GROUP: Readonly<Record<string, GlossaryEntry['kind']>> = { PER: 'person', LOC: 'place', ORG: 'organization' };

/** Entities a model is less sure of than this are not proposed. */
const MIN_SCORE = 0.6;

/** How a user accepts a proposal, written into the file itself. */
export const ACCEPT_NOTE =
  'Proposed names, not used until accepted: copy an entry into names/glossary.json in this job (kept as your edit), ' +
  'or add it to a glossary file given with --glossary, then run again.';

const clock = (seconds: number) => {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 3600)}:${String(Math.floor(whole / 60) % 60).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
};

/**
 * The names a named-entity model heard that the glossary has under none of its spellings, as a glossary
 * (source `ner`, both scripts filled in, most often heard first) for the user to accept: each with how
 * often and from when it was heard in its note.
 */
export function proposeNames(entities: readonly FoundEntity[], segments: readonly TranscriptSegment[], glossary: Glossary | undefined): Glossary {
  const known = new Set(
    (glossary?.entries ?? []).flatMap((entry) => [entry.latin, ...(entry.devanagari === undefined ? [] : [entry.devanagari]), ...entry.aliases].map(nameKey)),
  );
  const heard = new Map<string, { word: string; kind: GlossaryEntry['kind']; count: number; first: number }>();
  for (const entity of entities) {
    const key = nameKey(entity.word);
    if (entity.score < MIN_SCORE || key === '' || known.has(key)) continue;
    const start = segments[entity.text]?.start ?? 0;
    const seen = heard.get(key);
    if (seen === undefined) heard.set(key, { word: entity.word.trim(), kind: KIND_OF_GROUP[entity.group] ?? 'other', count: 1, first: start });
    else {
      seen.count++;
      seen.first = Math.min(seen.first, start);
    }
  }
  const entries = [...heard.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .map(({ word, kind, count, first }) => ({
      ...(isDevanagari(word) ? { latin: '', devanagari: word } : { latin: word }),
      kind,
      translate: false,
      aliases: [],
      sources: ['ner' as const],
      note: `heard ${count} time${count === 1 ? '' : 's'}, first at ${clock(first)}`,
    }));
  return fillScripts({ version: 1, entries, notes: [ACCEPT_NOTE] });
}
