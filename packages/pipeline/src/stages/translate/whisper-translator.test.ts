import { describe, expect, it } from 'vitest';
import { planSpeechTimeline } from '../asr/speech-timeline';
import { alignToSegments } from './align-segments';
import { whisperTranslator } from './whisper-translator';

const word = (text: string, start: number, end: number) => ({ text, start, end });

describe('alignToSegments', () => {
  const source = [
    { start: 1, end: 3, words: [word('नमस्ते', 1, 3)] },
    { start: 5, end: 6, words: [word('दोस्त', 5, 6)] },
  ];

  it('gives each word to the segment it overlaps most, clamped into it, one segment per source segment', () => {
    expect(alignToSegments([word('Hello', 0.8, 1.5), word('there', 2.5, 4.5), word('friend', 4.8, 5.5)], source)).toEqual([
      { start: 1, end: 3, words: [word('Hello', 1, 1.5), word('there', 2.5, 3)] },
      { start: 5, end: 6, words: [word('friend', 5, 5.5)] },
    ]);
  });

  it('gives a word that touches no segment to the nearest one, and leaves out segments that got none', () => {
    expect(alignToSegments([word('late', 7, 8)], source)).toEqual([{ start: 5, end: 6, words: [word('late', 6, 6)] }]);
  });

  it('keeps the speaker of the source segment', () => {
    const spoken = [{ ...source[0]!, speaker: 'Speaker 2' }, source[1]!];
    expect(alignToSegments([word('Hello', 1, 2), word('friend', 5, 6)], spoken).map((segment) => segment.speaker)).toEqual(['Speaker 2', undefined]);
  });
});

describe('whisperTranslator', () => {
  const timeline = planSpeechTimeline([{ start: 10, end: 12 }]);
  const translator = whisperTranslator({ heard: [{ text: 'Hello friend', start: 0, end: 2, words: [word('Hello', 0, 0.8), word('friend', 1, 2)] }], timeline });

  it('puts English heard on the condensed speech onto the source segments', async () => {
    const progress: number[] = [];
    const segments = await translator.translate([{ start: 10, end: 12, words: [] }], { source: 'hi', target: 'en', onProgress: (f) => progress.push(f) });
    expect(segments).toEqual([{ start: 10, end: 12, words: [word('Hello', 10, 10.8), word('friend', 11, 12)] }]);
    expect(progress.at(-1)).toBe(1);
  });

  it('refuses a target other than English', async () => {
    await expect(translator.translate([], { source: 'hi', target: 'fr' })).rejects.toMatchObject({ code: 'TRANSLATE_LANGUAGE_UNSUPPORTED' });
  });
});
