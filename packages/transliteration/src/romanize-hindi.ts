import { DIGITS, PUNCTUATION } from './devanagari-letters';
import { romanizeWord } from './romanize-word';

export interface RomanizeOptions {
  /**
   * `sentence` (default): lower case, the first romanized word of each sentence capitalised, as Netflix's
   * Hindi (Romanized) guide writes dialogue ("Mujhe sochne do..."). `title`: every romanized word
   * capitalised, for names and titles (अमिताभ बच्चन → Amitabh Bachchan). `lower`: all lower case.
   * Latin text in the input keeps its case.
   */
  case?: 'sentence' | 'title' | 'lower';
}

// Letters, signs and joiners of Devanagari words; dandas, digits, ॐ and avagraha are handled apart.
const WORD = /[\u0900-\u093c\u093e-\u094f\u0951-\u0963\u0971-\u097f\u200c\u200d]+/gu;
const SIGNS = /[\u0964\u0965\u0966-\u096f\u0950\u093d]/gu;

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Devanagari Hindi in Latin script as Hindi speakers write it: schwa deletion (कमल → Kamal, सलमान → Salman),
 * no diacritics, nukta sounds (ज़ → z, फ़ → f, क़ → q), ं as m before labials and n elsewhere, long ई/ऊ as
 * ee/oo inside a word and i/u at its end, व as w after a consonant or before आ, । as a full stop, Devanagari
 * digits as ASCII. Anything not Devanagari passes through unchanged.
 */
export function romanizeHindi(text: string, options: RomanizeOptions = {}): string {
  const mode = options.case ?? 'sentence';
  const normal = text.normalize('NFC');
  let sentenceStart = true;
  let out = '';
  let last = 0;
  const pushOther = (other: string): void => {
    const converted = other.replace(SIGNS, (sign) => PUNCTUATION[sign] ?? String(DIGITS.indexOf(sign)));
    out += converted;
    if (/[.?!]\s*$/u.test(converted)) sentenceStart = true;
    else if (/[\p{L}\p{N}]/u.test(converted)) sentenceStart = false;
  };
  for (const match of normal.matchAll(WORD)) {
    pushOther(normal.slice(last, match.index));
    const word = romanizeWord(match[0]);
    out += mode === 'title' || (mode === 'sentence' && sentenceStart) ? capitalise(word) : word;
    if (word !== '') sentenceStart = false;
    last = match.index + match[0].length;
  }
  pushOther(normal.slice(last));
  return out;
}
