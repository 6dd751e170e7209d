/** A word of the text: letters and marks of one script, with its place. */
export interface Token {
  text: string;
  start: number;
  end: number;
  script: 'devanagari' | 'latin' | 'other';
}

const WORD = /[\p{L}\p{M}\u200c\u200d]+/gu;

function scriptOf(word: string): Token['script'] {
  if (/^[\p{Script=Devanagari}\u200c\u200d]+$/u.test(word)) return 'devanagari';
  if (/^[\p{Script=Latin}\p{M}]+$/u.test(word)) return 'latin';
  return 'other';
}

/** The words of `text`; an apostrophe ends a word, so "Rahul's" gives Rahul (and s). */
export function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length, script: scriptOf(match[0]) }));
}
