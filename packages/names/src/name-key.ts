/**
 * A name's matching key: case-, accent-, nukta- and punctuation-insensitive, so "Shah Rukh Khan",
 * "shah rukh khan." and "Sháh Rukh Khan" match, and शाहरुख़ matches शाहरुख. Devanagari vowel signs are
 * kept: they are letters, not accents.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u093c]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** Text in Devanagari script (a name's Hindi form). */
export function isDevanagari(text: string): boolean {
  return /\p{Script=Devanagari}/u.test(text) && !/\p{Script=Latin}/u.test(text);
}

/** Text in Latin script. */
export function isLatin(text: string): boolean {
  return /\p{Script=Latin}/u.test(text) && !/[^\p{Script=Latin}\p{Script=Common}\p{M}]/u.test(text);
}
