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
      { cueIndex: 5, rule: 'overlap', actual: -0.5, limit: 0 },
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

describe('lintCues as a Netflix-style QC', () => {
  it('reports whitespace-only cues, stray spaces, dots for an ellipsis, bad dialogue dashes and open short gaps', () => {
    const rules = lintCues(
      [
        cue(1, 0, 2, '   '),
        cue(2, 2.5, 4.5, 'Wait...  what?'),
        cue(3, 5, 7, '- Are you coming?', '- In a minute.'),
        cue(4, 7.2, 9, 'Fine.', '-Go.'),
        cue(5, 9.5, 11, '–Who?', '–Me.'),
      ],
      en,
    ).map(({ cueIndex, rule }) => `${cueIndex} ${rule}`);
    expect(rules).toEqual([
      '1 empty-cue',
      '1 whitespace',
      '2 ellipsis',
      '2 whitespace',
      '3 close-gap',
      '3 dialogue-dash',
      '4 dialogue-dash',
      '5 dialogue-dash',
    ]);
    expect(lintCues([cue(1, 0, 2, 'Wait… what?'), cue(2, 2.5, 4.5, '-Are you coming?', '-In a minute.')], en)).toEqual([]);
  });

  it('checks the Latin glyph list for Latin-script presets only', () => {
    const [glyph] = lintCues([cue(1, 0, 3, 'Café “ok” — naïve ♪ 😀 नमस्ते')], en);
    expect(glyph).toMatchObject({ rule: 'glyph', actual: 7 });
    expect(glyph!.message).toContain('"😀" (U+1F600)');
    expect(lintCues([cue(1, 0, 3, 'नमस्ते, दोस्त')], hi)).toEqual([]);
    expect(lintCues([cue(1, 0, 3, 'नमस्ते')], hi, { glyphs: true }).map((violation) => violation.rule)).toEqual(['glyph']);
  });

  it('checks cues against shot changes when given them (24 fps: 12 frames is half a second)', () => {
    const at = (frame: number) => frame / 24;
    const cues = [cue(1, at(53), at(100), 'Starts 5 frames after a cut.'), cue(2, at(150), at(203), 'Ends 3 frames past one.')];
    const violations = lintCues(cues, en, { shotChanges: [at(48), at(200)] });
    expect(violations.map(({ cueIndex, rule, message }) => [cueIndex, rule, message])).toEqual([
      [1, 'shot-change', 'starts 5 frames after a shot change; start on it'],
      [2, 'shot-change', 'ends 3 frames after a shot change; end 2 frames before it, or 12 frames or more after it'],
    ]);
  });
});
