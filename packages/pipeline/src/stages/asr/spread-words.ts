import type { TimedWord } from './whisper-words';

// Made on first use: the first Intl object loads ICU data, tens of ms of every `bollyx` start.
let graphemes: Intl.Segmenter | undefined;
const graphemeCount = (text: string) => [...(graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text)].length;

/**
 * The words of `text` spread over [start, end] by length, end to end: for text whose words have no times
 * of their own (a Whisper segment whose tokens split characters, a translated sentence).
 */
export function spreadWords(text: string, start: number, end: number): TimedWord[] {
  const texts = text.split(/\s+/).filter((word) => word !== '');
  const total = texts.reduce((sum, word) => sum + graphemeCount(word), 0);
  let cursor = start;
  return texts.map((word) => {
    const length = ((end - start) * graphemeCount(word)) / total;
    const timed = { text: word, start: cursor, end: cursor + length };
    cursor += length;
    return timed;
  });
}
