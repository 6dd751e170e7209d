import { devanagariOf, romanizeHindi } from '@bollyx/transliteration';
import type { Glossary, GlossaryEntry } from './glossary-schema';

/** "amarkant varma" → "Amarkant Varma": a name's romanized form is written as names are. */
const titleCase = (text: string) => text.replace(/(^|[\s-])(\p{Ll})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());

function filled(entry: GlossaryEntry): GlossaryEntry {
  if (entry.latin === '' && entry.devanagari !== undefined) return { ...entry, latin: titleCase(romanizeHindi(entry.devanagari)) };
  // A name to translate has a Hindi word, not a spelling of the Latin form: that is for the user to give.
  if (entry.devanagari === undefined && !entry.translate) return { ...entry, devanagari: devanagariOf(entry.latin) };
  return entry;
}

/**
 * Every name in both scripts: a missing Latin form is romanized from the Devanagari one as Hindi
 * speakers write names (`romanizeHindi`), a missing Devanagari form is spelled from the Latin one
 * (`devanagariOf`, best effort), except for names marked translate.
 */
export function fillScripts(glossary: Glossary): Glossary {
  return { ...glossary, entries: glossary.entries.map(filled) };
}
