import { describe, expect, it } from 'vitest';
import { planSpeechTimeline } from './speech-timeline';
import { toTranscript } from './transcript';

// Speech at 10–12 s and 20–21 s of the film: condensed 0–2 s, a 0.5 s gap, then 2.5–3.5 s.
const timeline = planSpeechTimeline([{ start: 10, end: 12 }, { start: 20, end: 21 }], 0.5);
const seg = (text: string, start: number, end: number) => ({ text, start, end, words: [{ text, start, end }] });

describe('toTranscript', () => {
  it('puts words back on the film timeline', () => {
    const transcript = toTranscript([seg('hello', 0.5, 1), seg('again', 2.6, 3)], timeline, 'en');
    expect(transcript).toEqual({
      language: 'en',
      segments: [
        { start: 10.5, end: 11, words: [{ text: 'hello', start: 10.5, end: 11 }] },
        { start: 20.1, end: 20.5, words: [{ text: 'again', start: 20.1, end: 20.5 }] },
      ],
    });
  });

  it('drops words heard in the inserted gap or the padding, and clamps the rest into the speech they overlap most', () => {
    const transcript = toTranscript([seg('ghost', 2.1, 2.4), seg('tail', 3.6, 4), seg('across', 1.8, 2.9)], timeline, 'en');
    expect(transcript.segments).toEqual([{ start: 20, end: 20.4, words: [{ text: 'across', start: 20, end: 20.4 }] }]);
  });

  it('keeps a line repeated three times in a row once', () => {
    const transcript = toTranscript([seg('thank you', 0, 0.5), seg('Thank you.', 0.5, 1), seg('thank you', 1, 1.5), seg('bye', 2.5, 3)], timeline, 'en');
    expect(transcript.segments.map((segment) => segment.words[0]!.text)).toEqual(['thank you', 'bye']);
  });

  it('is empty when there was no speech', () => {
    expect(toTranscript([seg('hallucination', 0, 1)], planSpeechTimeline([]), 'hi')).toEqual({ language: 'hi', segments: [] });
  });
});
