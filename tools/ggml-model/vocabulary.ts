// Syllables for made-up words: 16 consonants × 5 vowels, so every token reads as a pseudo-word.
const CONSONANTS = 'bdfghjklmnprstvz';
const VOWELS = 'aeiou';
const SYLLABLES = Array.from(CONSONANTS, (c) => Array.from(VOWELS, (v) => c + v)).flat();

/**
 * GPT-2's byte order for the first 256 tokens: printable bytes first, then the rest. This is why the
 * lone space (0x20) is token 220, which whisper.cpp looks up by text when it suppresses blanks.
 */
function byteTokenOrder(): number[] {
  const printable = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const first = [...printable(0x21, 0x7e), ...printable(0xa1, 0xac), ...printable(0xae, 0xff)];
  const rest = printable(0x00, 0xff).filter((byte) => !first.includes(byte));
  return [...first, ...rest];
}

/** `index` as a word in bijective base-80 syllables: every index gets a distinct, non-empty word. */
function pseudoWord(index: number): string {
  let word = '';
  let rest = index + 1;
  while (rest > 0) {
    rest -= 1;
    word = SYLLABLES[rest % SYLLABLES.length]! + word;
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return word;
}

/**
 * The `count` text tokens a Whisper ggml file lists before its special tokens: the 256 byte tokens in
 * GPT-2 order, then distinct pseudo-words, every other one with the leading space that marks a word start.
 */
export function generateVocabulary(count: number): Buffer[] {
  const tokens = byteTokenOrder().map((byte) => Buffer.from([byte]));
  for (let index = 0; tokens.length < count; index++) {
    const word = pseudoWord(index >> 1);
    tokens.push(Buffer.from(index % 2 === 0 ? ` ${word}` : word, 'utf8'));
  }
  return tokens.slice(0, count);
}
