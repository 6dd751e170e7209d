import { describe, expect, it } from 'vitest';
import { planSpeechTimeline, toSourceTime } from './speech-timeline';

describe('planSpeechTimeline', () => {
  const timeline = planSpeechTimeline(
    [
      { start: 30, end: 32 },
      { start: 2, end: 5 },
      { start: 10, end: 10 },
    ],
    0.5,
  );

  it('sorts spans, drops empty ones and puts a gap between them', () => {
    expect(timeline.chunks).toEqual([
      { sourceStart: 2, sourceEnd: 5, condensedStart: 0 },
      { sourceStart: 30, sourceEnd: 32, condensedStart: 3.5 },
    ]);
    expect(timeline.condensedDuration).toBe(5.5);
  });

  it('maps condensed times back to the source', () => {
    expect(toSourceTime(timeline, 0)).toBe(2);
    expect(toSourceTime(timeline, 1.25)).toBe(3.25);
    expect(toSourceTime(timeline, 3)).toBe(5);
    expect(toSourceTime(timeline, 3.5)).toBe(30);
    expect(toSourceTime(timeline, 4.75)).toBe(31.25);
    expect(toSourceTime(timeline, 99)).toBe(32);
  });

  it('snaps times inside a gap to the nearer chunk edge', () => {
    expect(toSourceTime(timeline, 3.1)).toBe(5);
    expect(toSourceTime(timeline, 3.4)).toBe(30);
  });

  it('leaves times alone without speech', () => {
    expect(toSourceTime(planSpeechTimeline([]), 7)).toBe(7);
  });
});
