import { describe, expect, it } from 'vitest';
import { spreadTranslations } from './spread-translations';

const word = (text: string, start: number, end: number) => ({ text, start, end });
const where = { backend: 'nllb', target: 'en' };

describe('spreadTranslations', () => {
  const source = [
    { start: 2, end: 4, words: [word('नमस्ते', 2, 2.6), word('दोस्त', 2.8, 4)], speaker: 'Speaker 1' },
    { start: 5, end: 5.5, words: [word('हाँ', 5, 5.5)] },
    { start: 7, end: 9, words: [word('चलो', 7, 9)], speaker: 'Speaker 2' },
  ];

  it('spreads each text over its source segment by length, keeping the speaker, and drops empty ones', () => {
    const segments = spreadTranslations(source, ['Hello my friend', '  ', 'Go'], where);
    expect(segments).toHaveLength(2);
    // 5 + 2 + 6 = 13 characters over 2 s.
    expect(segments[0]!.words.map((w) => w.text)).toEqual(['Hello', 'my', 'friend']);
    expect(segments[0]!.words[0]).toEqual(word('Hello', 2, 2 + (2 * 5) / 13));
    expect(segments[0]!.words[2]!.end).toBeCloseTo(4, 9);
    expect(segments[0]).toMatchObject({ start: 2, end: 4, speaker: 'Speaker 1' });
    expect(segments[1]).toEqual({ start: 7, end: 9, words: [word('Go', 7, 9)], speaker: 'Speaker 2' });
  });

  it('weighs words by what the eye counts: a consonant with its vowel sign is one character', () => {
    // की is two code points (क + ी) but one grapheme cluster: the same weight as "a".
    const [hindi] = spreadTranslations([{ start: 0, end: 3, words: [] }], ['की a'], { backend: 'indictrans2', target: 'hi' });
    expect(hindi!.words.map((w) => [w.text, w.start, w.end])).toEqual([['की', 0, 1.5], ['a', 1.5, 3]]);
  });

  it('refuses a result whose texts do not match the segments one for one', () => {
    expect(() => spreadTranslations(source, ['one'], where)).toThrow(
      expect.objectContaining({ code: 'TRANSLATE_RESULT_INVALID', details: { backend: 'nllb', target: 'en', expected: 3, got: 1 } }),
    );
  });
});
