import { VIRAMA } from './devanagari-letters';

// Latin spellings (longest first) and the Devanagari letter each most often stands for in a Hindi name.
const CONSONANTS: ReadonlyArray<readonly [string, string]> = [
  ['chh', 'छ'], ['ksh', 'क्ष'],
  ['kh', 'ख'], ['gh', 'घ'], ['ch', 'च'], ['jh', 'झ'], ['th', 'थ'], ['dh', 'ध'], ['ph', 'फ'], ['bh', 'भ'], ['sh', 'श'],
  ['k', 'क'], ['c', 'क'], ['g', 'ग'], ['j', 'ज'], ['t', 'त'], ['d', 'द'], ['n', 'न'], ['p', 'प'], ['f', 'फ़'],
  ['b', 'ब'], ['m', 'म'], ['y', 'य'], ['r', 'र'], ['l', 'ल'], ['v', 'व'], ['w', 'व'], ['s', 'स'], ['h', 'ह'],
  ['z', 'ज़'], ['q', 'क़'], ['x', 'क्स'],
];

/** [independent letter, sign]; the inherent अ has no sign. */
const VOWELS: ReadonlyArray<readonly [string, string, string]> = [
  ['aa', 'आ', 'ा'], ['ai', 'ऐ', 'ै'], ['au', 'औ', 'ौ'], ['ee', 'ई', 'ी'], ['ii', 'ई', 'ी'], ['oo', 'ऊ', 'ू'],
  ['a', 'अ', ''], ['i', 'इ', 'ि'], ['u', 'उ', 'ु'], ['e', 'ए', 'े'], ['o', 'ओ', 'ो'],
];

// A name's last a, i, u are long in Hindi spelling: Priyanka प्रियंका, Rani रानी, Neetu नीतू.
const FINAL_LONG: Readonly<Record<string, readonly [string, string]>> = { a: ['आ', 'ा'], i: ['ई', 'ी'], u: ['ऊ', 'ू'] };

type Token = { kind: 'c'; latin: string; letter: string } | { kind: 'v'; latin: string; letter: string; sign: string };

function tokenize(word: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < word.length; ) {
    const vowel = VOWELS.find(([latin]) => word.startsWith(latin, i));
    if (vowel !== undefined) {
      tokens.push({ kind: 'v', latin: vowel[0], letter: vowel[1], sign: vowel[2] });
      i += vowel[0].length;
      continue;
    }
    const consonant = CONSONANTS.find(([latin]) => word.startsWith(latin, i));
    if (consonant !== undefined) {
      tokens.push({ kind: 'c', latin: consonant[0], letter: consonant[1] });
      i += consonant[0].length;
    } else i++; // a letter Hindi has no sound for (an accent mark, an apostrophe)
  }
  const last = tokens.at(-1);
  if (last?.kind === 'v' && last.latin in FINAL_LONG && tokens.length > 1) [last.letter, last.sign] = FINAL_LONG[last.latin]!;
  // A final ai is mostly अ + ई: Mumbai मुंबई, Ghai घई.
  if (last?.kind === 'v' && last.latin === 'ai' && tokens.length > 1) tokens.splice(-1, 1, { kind: 'v', latin: 'a', letter: 'अ', sign: '' }, { kind: 'v', latin: 'i', letter: 'ई', sign: 'ी' });
  return tokens;
}

/**
 * How a consonant joins the next one. Hindi writes a schwa it does not say (सलमान, not सल्मान), so only
 * true clusters get a virama: at the start of a word (Priya प्रिया, Swami स्वामी), doubled letters (Khanna
 * खन्ना), a following r or y (Indra इंद्र, Vidya विद्या), and sibilants or dentals before v (Aishwarya
 * ऐश्वर्या, Haridwar हरिद्वार). A nasal before a consonant is an anusvara (Priyanka प्रियंका, Mumbai मुंबई).
 */
function join(tokens: readonly Token[], i: number): 'virama' | 'anusvara' | 'none' {
  const current = tokens[i]!;
  const next = tokens[i + 1]!;
  if (current.latin === next.latin) return 'virama';
  if ((current.latin === 'n' || current.latin === 'm') && i > 0 && !['y', 'r', 'v', 'w', 'h'].includes(next.latin)) return 'anusvara';
  if (i === 0 || next.latin === 'r' || next.latin === 'y') return 'virama';
  if ((next.latin === 'v' || next.latin === 'w') && ['s', 'sh', 'd', 't', 'j'].includes(current.latin)) return 'virama';
  return 'none';
}

function wordOf(latin: string): string {
  const tokens = tokenize(latin);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    if (token.kind === 'v') {
      out += previous?.kind === 'c' ? token.sign : token.letter;
      continue;
    }
    const next = tokens[i + 1];
    if (next?.kind !== 'c') {
      out += token.letter;
      continue;
    }
    const how = join(tokens, i);
    out += how === 'anusvara' ? 'ं' : how === 'virama' ? `${token.letter}${VIRAMA}` : token.letter;
  }
  return out;
}

/**
 * A best-effort Devanagari form of a Latin-script Hindi name (for names that have none in the glossary):
 * Kamal → कमल, Priyanka → प्रियंका, Shahrukh → शहरुख. Latin spelling drops vowel length and the
 * dental/retroflex difference, so this guesses the common case (a medial a is the short अ, t and d are
 * dental); a name's own Devanagari form, where one is known, is always better. Other text passes through.
 */
export function devanagariOf(latin: string): string {
  return latin.normalize('NFC').replace(/\p{Script=Latin}+/gu, (word) => wordOf(word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()));
}
