import { describe, expect, it } from 'vitest';
import { romanizeTranscript } from './romanize-stage';

describe('romanizeTranscript', () => {
  it('writes each word in Latin script with its times, in sentence case across segments', () => {
    const romanized = romanizeTranscript({
      language: 'hi',
      segments: [
        { start: 1, end: 2, words: [{ text: 'क्या', start: 1, end: 1.4 }, { text: 'आप', start: 1.4, end: 1.6 }, { text: 'ठीक', start: 1.6, end: 1.8 }, { text: 'हैं?', start: 1.8, end: 2 }] },
        { start: 3, end: 4, speaker: 'Speaker 1', words: [{ text: 'दिल', start: 3, end: 3.5 }, { text: 'से', start: 3.5, end: 4 }] },
      ],
    });
    expect(romanized.language).toBe('hi');
    expect(romanized.segments.map((segment) => segment.words.map((word) => word.text).join(' '))).toEqual(['Kya ap theek hain?', 'Dil se']);
    expect(romanized.segments[0]!.words.map(({ start, end }) => [start, end])).toEqual([[1, 1.4], [1.4, 1.6], [1.6, 1.8], [1.8, 2]]);
    expect(romanized.segments[1]!.speaker).toBe('Speaker 1');
  });
});
