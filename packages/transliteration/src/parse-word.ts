import { ANUSVARA, CHANDRABINDU, CONSONANTS, INDEPENDENT_VOWELS, NUKTA, VIRAMA, VISARGA, VOWEL_SIGNS, type Vowel } from './devanagari-letters';

/** A consonant letter (with its nukta, if any). */
export interface ConsonantUnit {
  kind: 'consonant';
  letter: string;
}

/** A vowel: written, or the inherent schwa of a consonant with no sign; `nasal` when ं or ँ follows. */
export interface VowelUnit {
  kind: 'vowel';
  vowel: Vowel;
  inherent: boolean;
  /** ं (a nasal consonant: m before labials, n elsewhere) or ँ (a nasalised vowel), when one follows. */
  nasal: 'anusvara' | 'chandrabindu' | false;
  /** Set by schwa deletion. */
  deleted: boolean;
}

export type Unit = ConsonantUnit | VowelUnit;

const vowel = (value: Vowel, inherent: boolean): VowelUnit => ({ kind: 'vowel', vowel: value, inherent, nasal: false, deleted: false });

/** One Devanagari word (NFC, no punctuation) as consonants and vowels, inherent schwas made explicit. */
export function parseWord(word: string): Unit[] {
  const units: Unit[] = [];
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char in CONSONANTS) {
      const letter = chars[i + 1] === NUKTA && `${char}${NUKTA}` in CONSONANTS ? `${char}${chars[++i]}` : char;
      units.push({ kind: 'consonant', letter });
      const next = chars[i + 1];
      if (next !== undefined && next in VOWEL_SIGNS) {
        units.push(vowel(VOWEL_SIGNS[next]!, false));
        i++;
      } else if (next === VIRAMA) {
        i++;
      } else {
        units.push(vowel('a', true));
      }
    } else if (char in INDEPENDENT_VOWELS) {
      units.push(vowel(INDEPENDENT_VOWELS[char]!, false));
    } else if (char === ANUSVARA || char === CHANDRABINDU) {
      const last = units.at(-1);
      if (last?.kind === 'vowel') last.nasal = char === ANUSVARA ? 'anusvara' : 'chandrabindu';
    } else if (char === VISARGA) {
      units.push({ kind: 'consonant', letter: 'ह' });
    }
    // Anything else (a stray nukta or virama, ZWJ/ZWNJ) shapes glyphs only.
  }
  return units;
}
