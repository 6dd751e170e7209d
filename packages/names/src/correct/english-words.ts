import { createRequire } from 'node:module';

let words: ReadonlySet<string> | undefined;

/**
 * Whether `word` is an English word: the ~275,000 lower-case words of the Letterpress list
 * (`an-array-of-english-words`), loaded on first use.
 */
export function isEnglishWord(word: string): boolean {
  words ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  return words.has(word.toLowerCase());
}
