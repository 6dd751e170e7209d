import { describe, expect, it } from 'vitest';
import { assignSpeakers } from './assign-speakers';

const segment = (start: number, end: number) => ({ start, end, words: [{ text: 'x', start, end }] });

describe('assignSpeakers', () => {
  it('gives each segment the speaker whose turns overlap it most, numbered in order of first appearance', () => {
    const turns = [
      { start: 0, end: 2, speaker: 'SPEAKER_01' },
      { start: 2, end: 2.5, speaker: 'SPEAKER_00' },
      { start: 2.5, end: 6, speaker: 'SPEAKER_01' },
      { start: 6, end: 9, speaker: 'SPEAKER_00' },
    ];
    // The second segment meets SPEAKER_00 for 0.5 s and SPEAKER_01 for 0.4 + 0.5 s in two turns: the sum decides.
    expect(assignSpeakers([segment(0.5, 1.5), segment(1.6, 3), segment(6.5, 8)], turns).map((s) => s.speaker)).toEqual([
      'Speaker 1',
      'Speaker 1',
      'Speaker 2',
    ]);
  });

  it('numbers by time even when the segments come out of order, and leaves a segment no turn overlaps unlabelled', () => {
    const turns = [
      { start: 0, end: 1, speaker: 'SPEAKER_03' },
      { start: 5, end: 6, speaker: 'SPEAKER_00' },
    ];
    const labelled = assignSpeakers([segment(5, 6), segment(2, 3), segment(0, 1)], turns);
    expect(labelled.map((s) => s.speaker)).toEqual(['Speaker 2', undefined, 'Speaker 1']);
    expect(labelled[1]).toEqual(segment(2, 3));
  });

  it('keeps the segments as they are without turns', () => {
    expect(assignSpeakers([segment(0, 1)], [])).toEqual([segment(0, 1)]);
  });
});
