import { describe, expect, it } from 'vitest';
import { correctSegments, type TextCorrection } from './correct-segments';

/** A corrector that knows two names, reporting changes as correctNames does (index in the text given). */
function correct(text: string): TextCorrection {
  const changes: TextCorrection['changes'] = [];
  for (const [before, after] of [['Shah Rook', 'Shah Rukh'], ['Megna', 'Meghna']] as const) {
    const index = text.indexOf(before);
    if (index >= 0) changes.push({ before, after, index, rule: 'phonetic' });
  }
  let out = text;
  for (const change of [...changes].sort((a, b) => b.index - a.index)) out = out.slice(0, change.index) + change.after + out.slice(change.index + change.before.length);
  return { text: out, changes };
}

const words = (...timed: Array<[string, number, number]>) => timed.map(([text, start, end]) => ({ text, start, end }));

describe('correctSegments', () => {
  it('replaces the words a change covers, keeps their time and punctuation, and records where it was', () => {
    const segments = [
      { start: 1, end: 3, words: words(['Megna,', 1, 1.5], ['come', 1.5, 2], ['here', 2, 3]) },
      { start: 5, end: 8, words: words(['Shah', 5, 5.5], ['Rook', 5.5, 6], ['sings', 6, 8]), speaker: 'Speaker 1' },
      { start: 9, end: 10, words: words(['Nothing', 9, 10]) },
    ];
    const { segments: corrected, changes } = correctSegments(segments, correct);
    expect(corrected[0]!.words.map((word) => word.text)).toEqual(['Meghna,', 'come', 'here']);
    expect(corrected[0]!.words[0]).toMatchObject({ start: 1, end: 1.5 });
    expect(corrected[1]).toMatchObject({ speaker: 'Speaker 1' });
    expect(corrected[1]!.words.map((word) => word.text)).toEqual(['Shah', 'Rukh', 'sings']);
    expect(corrected[1]!.words[0]!.start).toBe(5);
    expect(corrected[1]!.words[1]!.end).toBe(6);
    expect(corrected[2]).toBe(segments[2]);
    expect(changes).toEqual([
      { before: 'Megna', after: 'Meghna', start: 1, end: 1.5, segment: 0, rule: 'phonetic' },
      { before: 'Shah Rook', after: 'Shah Rukh', start: 5, end: 6, segment: 1, rule: 'phonetic' },
    ]);
  });
});
