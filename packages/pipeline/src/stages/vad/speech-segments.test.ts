import { describe, expect, it } from 'vitest';
import { SpeechSegmenter, vadParametersSchema } from './speech-segments';

// 1 kHz and 10-sample windows make every window 10 ms, so the arithmetic below reads in milliseconds.
const RATE = 1000;
const WINDOW = 10;

function segment(probabilities: readonly number[], parameters: Parameters<typeof vadParametersSchema.parse>[0] = {}) {
  const segmenter = new SpeechSegmenter(vadParametersSchema.parse(parameters), RATE, WINDOW);
  probabilities.forEach((probability, index) => segmenter.push(index, probability));
  return segmenter.finish(probabilities.length * WINDOW);
}

const run = (value: number, windows: number): number[] => Array<number>(windows).fill(value);

describe('SpeechSegmenter', () => {
  it('starts at the threshold and ends where the silence began once it lasted minSilenceMs', () => {
    const probabilities = [...run(0.1, 10), ...run(0.9, 40), ...run(0.1, 30)];

    expect(segment(probabilities, { speechPadMs: 0 })).toEqual([{ start: 0.1, end: 0.5 }]);
  });

  it('bridges pauses shorter than minSilenceMs and dips that stay above the negative threshold', () => {
    const probabilities = [
      ...run(0.9, 30),
      ...run(0.1, 5),
      ...run(0.9, 30),
      ...run(0.4, 20),
      ...run(0.9, 30),
      ...run(0, 20),
    ];

    expect(segment(probabilities, { speechPadMs: 0, minSilenceMs: 100 })).toEqual([{ start: 0, end: 1.15 }]);
    expect(segment(probabilities, { speechPadMs: 0, minSilenceMs: 40 })).toEqual([
      { start: 0, end: 0.3 },
      { start: 0.35, end: 1.15 },
    ]);
  });

  it('drops segments not longer than minSpeechMs', () => {
    const probabilities = [...run(0.9, 20), ...run(0, 20), ...run(0.9, 30), ...run(0, 20)];

    expect(segment(probabilities, { speechPadMs: 0, minSpeechMs: 250 })).toEqual([{ start: 0.4, end: 0.7 }]);
  });

  it('pads both sides, splitting a gap narrower than two pads, and clamps to the audio', () => {
    const probabilities = [...run(0.9, 30), ...run(0, 14), ...run(0.9, 30), ...run(0, 40), ...run(0.9, 30)];

    expect(segment(probabilities, { speechPadMs: 100, minSilenceMs: 100 })).toEqual([
      { start: 0, end: 0.37 },
      { start: 0.37, end: 0.84 },
      { start: 1.04, end: 1.44 },
    ]);
  });

  it('rejects a negative threshold above the threshold', () => {
    expect(vadParametersSchema.safeParse({ threshold: 0.5, negThreshold: 0.6 }).success).toBe(false);
  });
});
