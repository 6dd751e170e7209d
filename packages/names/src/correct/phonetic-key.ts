import { romanizeHindi } from '@bollyx/transliteration';

/** Latin letters only, lower case, accents off; a Devanagari word is first romanized as Hindi speakers write it. */
export function latinLetters(word: string): string {
  const latin = /\p{Script=Devanagari}/u.test(word) ? romanizeHindi(word, { case: 'lower' }) : word;
  return latin.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * The sound skeleton two spellings of one name share, whatever the script: aspirates and vowel length
 * collapse (Amitabh/Amitab, Deepika/Dipika, राहुल/राहूल), sh/s (श/ष/स), v/w, c/k, doubled letters
 * (Khanna/Khana), ai/e. `strict` keeps the nukta sounds (z/j, f/p: राज/राज़, Raj/raaz) and aspirates
 * (ख/क: ख़ान/कान) apart, for short names where one letter is the whole difference.
 */
export function phoneticKey(word: string, strict = false): string {
  let key = latinLetters(word)
    .replace(/x/g, 'ks')
    .replace(/q/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/chh?/g, 'C')
    .replace(/sh/g, 's')
    .replace(/c/g, 'k')
    .replace(/C/g, 'c')
    .replace(/w/g, 'v')
    .replace(strict ? /(?<=[aeiou])h|(?<=.)h(?=[^aeiou]|$)/g : /(?<=.)h/g, '')
    .replace(/ee|ii/g, 'i')
    .replace(/oo|uu|ou/g, 'u')
    .replace(/aa/g, 'a')
    .replace(/ai|ei|ey/g, 'e')
    .replace(/au/g, 'o')
    .replace(/(?<=[^aeiou])y$/, 'i');
  if (!strict) key = key.replace(/z/g, 'j').replace(/f/g, 'p');
  return key.replace(/(.)\1+/g, '$1');
}
