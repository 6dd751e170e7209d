import { describe, expect, it } from 'vitest';
import { getPreset } from './get-preset';
import { lintCues } from './lint-cues';
import type { Cue } from './schemas';

const en = getPreset('netflix-en');
const hi = getPreset('netflix-hi');
const cue = (index: number, start: number, end: number, ...lines: string[]): Cue => ({ index, start, end, lines });

describe('lintCues', () => {
  it('passes cues that keep every rule, allowing for millisecond rounding', () => {
    // 0.833 s is 5/6 s rounded down; 0.083 s is 2 frames at 24 fps rounded down.
    expect(lintCues([cue(1, 0, 0.833, 'Hey!'), cue(2, 0.916, 3, 'Over here.')], en)).toEqual([]);
  });

  it('reports each rule a cue breaks, with the actual value and the limit', () => {
    const violations = lintCues(
      [
        cue(4, 10, 10.5, 'This first line is far too long to read on a phone', 'two', 'three'),
        cue(5, 10.52, 18, 'Eight seconds'),
        cue(6, 17.5, 18.5),
      ],
      en,
    );
    expect(violations.map(({ cueIndex, rule, actual, limit }) => ({ cueIndex, rule, actual, limit }))).toEqual([
      { cueIndex: 4, rule: 'max-lines', actual: 3, limit: 2 },
      { cueIndex: 4, rule: 'max-chars-per-line', actual: 50, limit: 42 },
      { cueIndex: 4, rule: 'max-chars-per-second', actual: 116, limit: 20 },
      { cueIndex: 4, rule: 'min-duration', actual: 0.5, limit: 0.833 },
      { cueIndex: 4, rule: 'min-gap', actual: 0.02, limit: 0.083 },
      { cueIndex: 5, rule: 'max-duration', actual: 7.48, limit: 7 },
      { cueIndex: 5, rule: 'min-gap', actual: -0.5, limit: 0.083 },
      { cueIndex: 6, rule: 'empty-cue', actual: 0, limit: 1 },
    ]);
    expect(violations[0]).toMatchObject({ start: 10, end: 10.5, message: 'has 3 lines; the limit is 2' });
    expect(violations[2]!.message).toBe('reads at 116 characters a second (58 in 0.5 s); the limit is 20');
    expect(violations[4]!.message).toBe('leaves 0.02 s (0.5 frames) before the next cue; the minimum gap is 2 frames (0.083 s at 24 fps)');
    expect(violations[6]!.message).toContain('overlaps the next cue by 0.5 s');
  });

  it('measures the gap in frames of the given frame rate', () => {
    const cues = [cue(1, 0, 1, 'One'), cue(2, 1.081, 2, 'Two')];
    expect(lintCues(cues, en, { frameRate: 25 })).toEqual([]);
    expect(lintCues(cues, en).map((violation) => violation.rule)).toEqual(['min-gap']);
    expect(() => lintCues(cues, en, { frameRate: 0 })).toThrow(expect.objectContaining({ code: 'SUBTITLES_INPUT_INVALID' }));
  });

  it('counts Devanagari lines in grapheme clusters and ignores markup', () => {
    const line = 'क्षत्रिय मोहल्ले में अपने दोस्तों के साथ क्रिकेट खेल रहे थे';
    expect(lintCues([cue(1, 0, 3, `<i>${line}</i>`)], hi)).toEqual([]);
    expect(lintCues([cue(1, 0, 5, `${line} ${line}`)], hi)).toMatchObject([{ rule: 'max-chars-per-line', actual: 67, limit: 42 }]);
  });
});
