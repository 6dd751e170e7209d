import { WORD_SPELLINGS } from './word-spellings';
import { deleteSchwas } from './delete-schwas';
import { CONSONANTS, LABIALS, NUKTA } from './devanagari-letters';
import { parseWord, type Unit, type VowelUnit } from './parse-word';

/** Spellings of a nasal vowel at the end of a word: में → mein, हैं → hain, कहीं → kahin, हूँ → hoon. */
const FINAL_NASAL: Readonly<Record<string, string>> = { a: 'an', aa: 'an', i: 'in', ii: 'in', u: 'un', uu: 'oon', e: 'ein', ai: 'ain', o: 'on', au: 'aun', ri: 'rin' };

const spoken = (units: readonly Unit[]): Unit[] => units.filter((unit) => unit.kind === 'consonant' || !unit.deleted);

function vowelLatin(units: readonly Unit[], i: number): string {
  const unit = units[i] as VowelUnit;
  const previous = units[i - 1];
  const next = units[i + 1];
  const final = next === undefined;
  if (final && unit.nasal) return FINAL_NASAL[unit.vowel]!;
  const afterVowel = previous?.kind === 'vowel';
  let latin: string;
  switch (unit.vowel) {
    case 'aa':
      // आ is written a (Rajesh, rasta) except word-initial before another vowel: आए → aaye, आओ → aao.
      latin = i === 0 && next?.kind === 'vowel' ? 'aa' : 'a';
      break;
    // Long ई/ऊ are doubled inside a word (Deepika, Kapoor) and single at its end (Rani, Neetu), as
    // commonly written; a name's last syllable -ईश is written -ish (Rajnish, Harish).
    case 'ii':
      latin = final || afterVowel || (i + 2 === units.length && next?.kind === 'consonant' && (next.letter === 'श' || next.letter === 'ष')) ? 'i' : 'ee';
      break;
    case 'uu':
      latin = final || afterVowel ? 'u' : 'oo';
      break;
    case 'e':
      // आए → aaye, गए → gaye, जाएंगे → jayenge, लिए → liye, चाहिए → chahiye
      latin = afterVowel ? 'ye' : 'e';
      break;
    default:
      latin = unit.vowel;
  }
  if (!unit.nasal) return latin;
  if (next?.kind === 'consonant' && (next.letter === 'न' || next.letter === 'म')) return latin; // मैंने → maine
  if (unit.nasal === 'anusvara' && next?.kind === 'consonant') {
    if (LABIALS.has(next.letter)) return `${latin}m`;
    if (next.letter === 'ह') return `${latin}ng`; // सिंह → Singh
  }
  return `${latin}n`;
}

function consonantLatin(units: readonly Unit[], i: number, wordStart: boolean): string {
  const unit = units[i] as Extract<Unit, { kind: 'consonant' }>;
  const previous = units[i - 1];
  const next = units[i + 1];
  const hasVowel = next?.kind === 'vowel';
  switch (unit.letter) {
    case 'व':
      // After a consonant (स्वदेस → Swades, दिलवाले → Dilwale) and before आ inside a word (जवान → Jawan,
      // दिवाली → Diwali) व is w; elsewhere v (Vijay, Ravi, Devdas).
      return previous?.kind === 'consonant' || (!wordStart && hasVowel && next.vowel === 'aa') ? 'w' : 'v';
    case 'य': {
      // An unvoiced य after a: अय is said and written ai before a consonant (जयपुर → Jaipur, नयना → Naina)
      // and in a one-syllable word (जय → Jai); after आ at the end, i (राय → Rai, चाय → chai).
      if (hasVowel || previous?.kind !== 'vowel') return 'y';
      const final = next === undefined;
      if (previous.vowel === 'aa' && final) return 'i';
      if (previous.vowel === 'a' && (!final || units.filter((u) => u.kind === 'vowel').length === 1)) return 'i';
      return 'y';
    }
    case 'छ':
      // च्छ → chh (अच्छा → achha), final छ → ch (कुछ → kuch)
      if (previous?.kind === 'consonant' && previous.letter === 'च') return 'h';
      return next === undefined ? 'ch' : 'chh';
    case 'ञ':
      return previous?.kind === 'consonant' && previous.letter === 'ज' ? 'y' : 'n';
    case 'ज':
      return next?.kind === 'consonant' && next.letter === 'ञ' ? 'g' : 'j'; // ज्ञान → gyan
    default:
      return CONSONANTS[unit.letter] ?? '';
  }
}

/** One Devanagari word (no spaces or punctuation) in Latin, lower case. */
export function romanizeWord(word: string): string {
  const common = WORD_SPELLINGS[word] ?? WORD_SPELLINGS[word.replaceAll(NUKTA, '')];
  if (common !== undefined) return common;
  const parsed = parseWord(word);
  deleteSchwas(parsed);
  const units = spoken(parsed);
  let latin = '';
  for (let i = 0; i < units.length; i++) {
    latin += units[i]!.kind === 'vowel' ? vowelLatin(units, i) : consonantLatin(units, i, i === 0);
  }
  return latin;
}
