/**
 * Devanagari letters and the Latin each is written with in Hindi as commonly romanized (film titles,
 * credits, chat): no diacritics, aspirates as `h` digraphs, retroflex and dental letters alike.
 * Nukta letters are looked up as base + U+093C (NFC splits the precomposed ones, U+0958–U+095F).
 */
export const NUKTA = '\u093c';
export const VIRAMA = '\u094d';
export const ANUSVARA = '\u0902';
export const CHANDRABINDU = '\u0901';
export const VISARGA = '\u0903';

export const CONSONANTS: Readonly<Record<string, string>> = {
  क: 'k', ख: 'kh', ग: 'g', घ: 'gh', ङ: 'n',
  च: 'ch', छ: 'chh', ज: 'j', झ: 'jh', ञ: 'n',
  ट: 't', ठ: 'th', ड: 'd', ढ: 'dh', ण: 'n',
  त: 't', थ: 'th', द: 'd', ध: 'dh', न: 'n',
  प: 'p', फ: 'ph', ब: 'b', भ: 'bh', म: 'm',
  य: 'y', र: 'r', ल: 'l', व: 'v', श: 'sh', ष: 'sh', स: 's', ह: 'h', ळ: 'l',
  // Nukta letters: Urdu and Persian sounds. ड़/ढ़ are written d/dh as in "ladki", "Sadak", "padhai".
  'क़': 'q', 'ख़': 'kh', 'ग़': 'gh', 'ज़': 'z', 'झ़': 'zh', 'ड़': 'd', 'ढ़': 'dh', 'फ़': 'f', 'य़': 'y',
};

/** Vowel ids: independent letters and vowel signs map to the same id. */
export type Vowel = 'a' | 'aa' | 'i' | 'ii' | 'u' | 'uu' | 'ri' | 'e' | 'ai' | 'o' | 'au';

export const INDEPENDENT_VOWELS: Readonly<Record<string, Vowel>> = {
  अ: 'a', आ: 'aa', इ: 'i', ई: 'ii', उ: 'u', ऊ: 'uu', ऋ: 'ri', ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au',
  ऍ: 'e', ऎ: 'e', ऑ: 'o', ऒ: 'o',
};

export const VOWEL_SIGNS: Readonly<Record<string, Vowel>> = {
  'ा': 'aa', 'ि': 'i', 'ी': 'ii', 'ु': 'u', 'ू': 'uu', 'ृ': 'ri', 'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au',
  'ॅ': 'e', 'ॆ': 'e', 'ॉ': 'o', 'ॊ': 'o',
};

/** Labials: an anusvara before them is written m (मुंबई → Mumbai, चंपा → Champa). */
export const LABIALS = new Set(['प', 'फ', 'ब', 'भ', 'म']);

/** Signs outside words: the danda ends a sentence like a full stop. */
export const PUNCTUATION: Readonly<Record<string, string>> = { '।': '.', '॥': '.', 'ॐ': 'Om', 'ऽ': '' };

export const DIGITS = '०१२३४५६७८९';
