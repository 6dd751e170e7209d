import type { Glossary } from '../glossary-schema';
import { phoneticKey } from './phonetic-key';

/** One spelling of a glossary name to look for, and the form that replaces a near miss of it. */
export interface NameCandidate {
  /** Phonetic key of each word, and of the whole spelling. */
  keys: string[];
  joined: string;
  /** Strict key of the whole spelling (for short names). */
  strict: string;
  /** `exactKey` of the spelling: a text equal to it is this spelling exactly. */
  exact: string;
  /** The glossary form in the text's script. */
  target: string;
  kind: 'form' | 'alias' | 'part';
}

/**
 * A spelling up to case and punctuation. Unlike `nameKey` the nukta counts: खान is a near miss of ख़ान
 * to correct, not the same spelling.
 */
export const exactKey = (text: string): string =>
  text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim();

const cache = new WeakMap<Glossary, Partial<Record<'devanagari' | 'latin', NameCandidate[]>>>();

const words = (text: string): string[] => text.split(/[\s-]+/u).filter((word) => word !== '');

/**
 * The spellings to look for in text of one script: each entry's form in that script (the replacement),
 * its form in the other script and its aliases (matched by sound, so a Latin alias finds Devanagari text
 * too), and — for people and characters — each word of a multi-word form (characters are called by their
 * first name: "Rahul" for Rahul Khanna). Entries with no form in the script are skipped.
 */
export function nameCandidates(glossary: Glossary, script: 'devanagari' | 'latin'): NameCandidate[] {
  // A transcript is corrected a line at a time against one glossary: build its spellings once.
  const cached = cache.get(glossary)?.[script];
  if (cached !== undefined) return cached;
  const candidates: NameCandidate[] = [];
  for (const entry of glossary.entries) {
    const target = script === 'devanagari' ? entry.devanagari : entry.latin;
    if (target === undefined || target.trim() === '') continue;
    const add = (spelling: string, kind: NameCandidate['kind'], replacement = target): void => {
      const keys = words(spelling).map((word) => phoneticKey(word));
      if (keys.join('') === '') return;
      candidates.push({ keys, joined: keys.join(''), strict: words(spelling).map((word) => phoneticKey(word, true)).join(''), exact: exactKey(spelling), target: replacement, kind });
    };
    add(target, 'form');
    const other = script === 'devanagari' ? entry.latin : entry.devanagari;
    if (other !== undefined && other.trim() !== '') add(other, 'form');
    for (const alias of entry.aliases) add(alias, 'alias');
    const parts = words(target);
    if ((entry.kind === 'person' || entry.kind === 'character') && parts.length > 1) {
      for (const part of parts) if (phoneticKey(part).length >= 3) add(part, 'part', part);
    }
  }
  cache.set(glossary, { ...cache.get(glossary), [script]: candidates });
  return candidates;
}
