import { describe, expect, it } from 'vitest';
import { collapseRepeats } from './collapse-repeats';

const lines = (...texts: string[]) => texts.map((text, index) => ({ text, start: index, end: index + 1 }));

describe('collapseRepeats', () => {
  it('collapses a line repeated three or more times in a row to its first occurrence', () => {
    const result = collapseRepeats(lines('Hello.', 'Thank you.', 'thank you', ' Thank you!', 'Thank you.', 'Bye.'));
    expect(result.map((segment) => [segment.text, segment.start])).toEqual([
      ['Hello.', 0],
      ['Thank you.', 1],
      ['Bye.', 5],
    ]);
  });

  it('keeps a line said twice, and repeats that are not in a row', () => {
    const input = lines('No.', 'No.', 'Yes.', 'No.', 'Yes.', 'No.');
    expect(collapseRepeats(input)).toEqual(input);
  });

  it('compares Devanagari text and ignores its danda', () => {
    const result = collapseRepeats(lines('धन्यवाद।', 'धन्यवाद', 'धन्यवाद ।', 'नमस्ते'));
    expect(result.map((segment) => segment.text)).toEqual(['धन्यवाद।', 'नमस्ते']);
  });

  it('never merges empty lines into a run', () => {
    const input = lines('', '', '');
    expect(collapseRepeats(input)).toEqual(input);
  });
});
