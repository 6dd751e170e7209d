import type { Glossary } from '../glossary-schema';
import { CLITICS, COMMON_WORDS } from './common-words';
import { editDistance } from './edit-distance';
import { isEnglishWord } from './english-words';
import { exactKey, nameCandidates, type NameCandidate } from './name-candidates';
import { phoneticKey } from './phonetic-key';
import { tokenize, type Token } from './tokenize';

export interface NameChange {
  /** The text replaced, as it was. */
  before: string;
  /** The glossary form put in its place. */
  after: string;
  /** Where `before` starts in the input text (UTF-16 code units). */
  index: number;
  /**
   * Why: `alias` (a listed other spelling), `phonetic` (same sound key), `edit-distance:N` (N edits away),
   * `case` (spelt right, in lower case; only with `lowerCase`).
   */
  rule: string;
}

export interface CorrectNamesOptions {
  /** The script of `text`: Devanagari text gets each name's Devanagari form, Latin text its Latin form. */
  script: 'devanagari' | 'latin';
  /**
   * Latin text that writes names in lower case (romanized Hindi, `romanizeHindi`'s sentence case): lower-case
   * words may be names too, and a name spelt right gets its capitals (rule `case`). Off by default: in
   * English a lower-case word is not a name.
   */
  lowerCase?: boolean;
}

interface Match {
  candidate: NameCandidate;
  distance: number;
  rule: string;
  /** Tokens used, and the end of the replaced text (before a clitic, if one was split off). */
  count: number;
  end: number;
}

/** Edits allowed between a name's key and a text word's: none for short names, where one letter makes another word. */
const allowance = (key: string): number => (key.length <= 5 ? 0 : key.length <= 8 ? 1 : 2);

const MAX_EXTRA_WORDS = 1;

/** What may stand between a sentence's end (or the text's start) and its first word: spaces, quotes, dashes, bullets. */
const OPENERS = /[^\p{L}\p{N}.!?…:]/u;

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/**
 * How `words` (the text's, as keys) match `candidate`, if they are a near miss of it. A respelling keeps the
 * name's first sound, and a one-word name its last too (Salma is not Salman); a multi-word name may have
 * one edit in a word when another word is spelt right (Amarkant Verma → Amarkant Varma).
 */
function compare(words: readonly string[], joined: string, strict: string, candidate: NameCandidate): { distance: number; rule: string } | undefined {
  const target = candidate.joined;
  if (target.length <= 3) return strict === candidate.strict ? { distance: 0, rule: 'phonetic' } : undefined;
  if (joined === target) return { distance: 0, rule: 'phonetic' };
  if (words.length !== candidate.keys.length) return undefined;
  const single = words.length === 1;
  let distance = 0;
  let exactWords = 0;
  for (const [i, key] of candidate.keys.entries()) {
    const word = words[i]!;
    if (word === key) {
      exactWords++;
      continue;
    }
    if (word[0] !== key[0] || (single && word.at(-1) !== key.at(-1))) return undefined;
    const allowed = single ? allowance(key) : Math.max(1, allowance(key));
    if (allowed === 0 || Math.abs(word.length - key.length) > allowed) return undefined;
    const edits = editDistance(word, key);
    if (edits > allowed) return undefined;
    distance += edits;
  }
  if (!single && (exactWords === 0 || distance > allowance(target))) return undefined;
  return { distance, rule: `edit-distance:${distance}` };
}

/**
 * Finds near misses of the glossary's names in `text` and puts the glossary form, in the text's script, in
 * their place: "Sharukh Khan" becomes "Shah Rukh Khan", राहूल becomes राहुल, "Amarkant Verma" becomes
 * "Amarkant Varma". Every change says what it replaced, where, and by which rule.
 *
 * Words are compared on a phonetic key shared by both scripts (a Devanagari word is romanized first), so
 * vowel length, aspiration, sh/s, doubled letters and the split of a name into words do not matter. Names of
 * up to five key letters must match the key exactly (three or fewer: with nukta sounds kept apart); longer
 * ones may be one edit away, nine letters and more two, with the first sound the same. Latin words must be
 * capitalised to be respelled (a lower-case word only gets a name of exactly its sound). A word that is
 * already a glossary spelling or a common Hindi or English word (`COMMON_WORDS`) is never changed; a
 * postposition written onto a name (राहुलने, Rahulko) stays as written. Ties between two different names
 * leave the word alone. A name spelt right but in lower case (a romanized Hindi line) gets its capitals
 * (rule `case`). The glossary's spellings are built once per glossary object: don't mutate it between calls.
 */
export function correctNames(text: string, glossary: Glossary, options: CorrectNamesOptions): { text: string; changes: NameChange[] } {
  const candidates = nameCandidates(glossary, options.script);
  const exactSpellings = new Set(candidates.map((candidate) => candidate.exact));
  const maxWords = Math.max(0, ...candidates.map((candidate) => candidate.keys.length)) + MAX_EXTRA_WORDS;
  const tokens = tokenize(text);
  const keys = tokens.map((token) => phoneticKey(token.text));
  const strictKeys = tokens.map((token) => phoneticKey(token.text, true));
  const changes: NameChange[] = [];

  const adjacent = (from: number, count: number): boolean => {
    for (let i = from; i < from + count; i++) {
      if (tokens[i]?.script !== options.script) return false;
      if (i > from && !/^[\s-]+$/u.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) return false;
    }
    return true;
  };
  const atSentenceStart = (token: Token): boolean => {
    let i = token.start;
    while (i > 0 && OPENERS.test(text[i - 1]!)) i--;
    return i === 0 || /[.!?…:]/u.test(text[i - 1]!);
  };
  const protectedWord = (token: Token): boolean => COMMON_WORDS.has(token.text.normalize('NFC').toLowerCase()) || exactSpellings.has(exactKey(token.text));

  const best = (from: number): Match | undefined => {
    let found: Match | undefined;
    let tie = false;
    for (let count = Math.min(maxWords, tokens.length - from); count >= 1; count--) {
      if (!adjacent(from, count)) continue;
      const span = tokens.slice(from, from + count);
      const exact = exactKey(text.slice(span[0]!.start, span.at(-1)!.end));
      if (exactSpellings.has(exact) && found === undefined) {
        const form = candidates.find((candidate) => candidate.exact === exact && candidate.kind !== 'alias');
        const end = span.at(-1)!.end;
        if (form === undefined) return { candidate: candidates.find((candidate) => candidate.exact === exact)!, distance: 0, rule: 'alias', count, end };
        // A name spelt right is kept; in lower case (a romanized Hindi line) it gets its capitals.
        const lowerCase = options.lowerCase === true && !span.some((token) => isCapitalised(token.text) || COMMON_WORDS.has(token.text.toLowerCase()));
        return { candidate: form, distance: 0, rule: lowerCase ? 'case' : 'exact', count, end };
      }
      if (count === 1 && protectedWord(span[0]!)) continue;
      if (options.script === 'latin' && !options.lowerCase && !span.every((token) => isCapitalised(token.text))) continue;
      const attempts: Array<{ words: string[]; strict: string; end: number }> = [
        { words: keys.slice(from, from + count), strict: strictKeys.slice(from, from + count).join(''), end: span.at(-1)!.end },
      ];
      const last = span.at(-1)!;
      for (const clitic of CLITICS) {
        const stem = last.text.slice(0, -clitic.length);
        if (!last.text.endsWith(clitic) || [...stem].length < 3 || protectedWord(last)) continue;
        if (count === 1 && protectedWord({ ...last, text: stem })) continue;
        attempts.push({
          words: [...keys.slice(from, from + count - 1), phoneticKey(stem)],
          strict: [...strictKeys.slice(from, from + count - 1), phoneticKey(stem, true)].join(''),
          end: last.end - clitic.length,
        });
      }
      for (const attempt of attempts) {
        const joined = attempt.words.join('');
        for (const candidate of candidates) {
          if (candidate.kind === 'alias' && candidate.exact === exact) continue;
          const result = compare(attempt.words, joined, attempt.strict, candidate);
          if (result === undefined) continue;
          if (found === undefined || result.distance < found.distance) {
            found = { candidate, ...result, count, end: attempt.end };
            tie = false;
          } else if (result.distance === found.distance && candidate.target !== found.candidate.target && count === found.count) {
            tie = true;
          }
        }
      }
      if (found !== undefined && found.distance === 0) break;
    }
    if (tie || found === undefined) return undefined;
    // An English word is taken for a misspelt name only where its capital says it is a name: not at the
    // start of a sentence ("Many" is not Mani) and not in lower case. (Checked last: the list loads on first use.)
    const word = tokens[from]!;
    if (options.script === 'latin' && found.count === 1 && (!isCapitalised(word.text) || atSentenceStart(word)) && isEnglishWord(word.text)) return undefined;
    return found;
  };

  let out = '';
  let copied = 0;
  for (let i = 0; i < tokens.length; ) {
    if (tokens[i]!.script !== options.script) {
      i++;
      continue;
    }
    const match = best(i);
    if (match === undefined) {
      i++;
      continue;
    }
    const start = tokens[i]!.start;
    const before = text.slice(start, match.end);
    const after = /^\p{Lu}{2,}$/u.test(before) ? match.candidate.target.toUpperCase() : match.candidate.target;
    if (match.rule !== 'exact' && before !== after) {
      changes.push({ before, after, index: start, rule: match.rule });
      out += text.slice(copied, start) + after;
      copied = match.end;
    }
    i += match.count;
  }
  return { text: out + text.slice(copied), changes };
}
