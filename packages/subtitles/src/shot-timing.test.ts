import { describe, expect, it } from 'vitest';
import { getPreset } from './get-preset';
import { lintCues } from './lint-cues';
import type { Cue } from './schemas';
import { timeCuesToShots } from './shot-timing';

// 24 fps: cuts and cue times at known frames, so each rule's move is exact.
const fps = 24;
const at = (frame: number) => Math.round((frame / fps) * 1000) / 1000;
const cue = (index: number, startFrame: number, endFrame: number, text = `Cue ${index}.`): Cue => ({
  index,
  start: at(startFrame),
  end: at(endFrame),
  lines: [text],
});
const frames = (cues: readonly Cue[]) => cues.map((each) => [Math.round(each.start * fps), Math.round(each.end * fps)]);
const retime = (cues: Cue[], cutFrames: number[]) => timeCuesToShots(cues, cutFrames.map(at), { frameRate: fps });

describe('timeCuesToShots', () => {
  it('moves an in-time up to 11 frames after a cut back to the cut', () => {
    expect(frames(retime([cue(1, 105, 160)], [100]))).toEqual([[100, 160]]);
    expect(frames(retime([cue(1, 111, 160)], [100]))).toEqual([[100, 160]]);
    // 12 frames after is clear of the cut.
    expect(frames(retime([cue(1, 112, 160)], [100]))).toEqual([[112, 160]]);
  });

  it('moves an in-time 1–7 frames before a cut to it, and 8–11 frames before it to 12 frames before it', () => {
    expect(frames(retime([cue(1, 95, 160)], [100]))).toEqual([[100, 160]]);
    expect(frames(retime([cue(1, 93, 160)], [100]))).toEqual([[100, 160]]);
    expect(frames(retime([cue(1, 91, 160)], [100]))).toEqual([[88, 160]]);
    expect(frames(retime([cue(1, 89, 160)], [100]))).toEqual([[88, 160]]);
  });

  it('ends an out-time near a cut, before it or on it, 2 frames before the cut', () => {
    expect(frames(retime([cue(1, 10, 95)], [100]))).toEqual([[10, 98]]);
    expect(frames(retime([cue(1, 10, 100)], [100]))).toEqual([[10, 98]]);
    expect(frames(retime([cue(1, 10, 99)], [100]))).toEqual([[10, 98]]);
  });

  it('pulls back an out-time that straddles a cut by a few frames, or takes it half a second past when too short', () => {
    expect(frames(retime([cue(1, 10, 105)], [100]))).toEqual([[10, 98]]);
    // 90 → 98 would last 8 frames, under the 20-frame minimum: it ends 12 frames past the cut instead.
    expect(frames(retime([cue(1, 80, 104)], [100]))).toEqual([[80, 112]]);
  });

  it('keeps the 2-frame gap and chains gaps under 12 frames, and leaves cues far from cuts on their frames', () => {
    const cues = [cue(1, 10, 60), cue(2, 65, 120), cue(3, 200, 260), cue(4, 261, 300)];
    expect(frames(retime(cues, [500]))).toEqual([
      [10, 63],
      [65, 120],
      [200, 259],
      [261, 300],
    ]);
    // Every time lands on a frame: between frames, a gap the rules count as 2 frames could be 1.5.
    const farFromCuts = [{ index: 1, start: 1.001, end: 2.999, lines: ['Far from any cut.'] }];
    expect(timeCuesToShots(farFromCuts, [10], { frameRate: fps })).toEqual([{ index: 1, start: 1, end: 3, lines: ['Far from any cut.'] }]);
    const between = [cue(1, 10, 60), { index: 2, start: 60.06 / fps, end: 90 / fps, lines: ['Cue 2.'] }];
    expect(frames(retime(between, [500]))).toEqual([
      [10, 58],
      [60, 90],
    ]);
  });

  it('never shortens a cue below the time its text needs to be read', () => {
    // 40 characters at 20 a second need 2 s (48 frames): ending 2 frames before the cut at 96 would leave 44.
    const text = 'Forty characters of text, read at twenty';
    expect(text).toHaveLength(40);
    const reading = { frameRate: fps, maxCharsPerSecond: 20 };
    expect(frames(timeCuesToShots([cue(1, 50, 105, text)], [at(96)], reading))).toEqual([[50, 108]]);
    expect(frames(timeCuesToShots([cue(1, 50, 105, text)], [at(96)], { frameRate: fps }))).toEqual([[50, 94]]);
  });

  it('moves an in-time back onto a cut only where the cue before keeps its length', () => {
    // Cue 2 starting on the cut at 100 would end cue 1 at 98: 18 frames, under the 20-frame minimum. Cue 2
    // stays; cue 1 cannot end clear of the cut either, so it chains to cue 2.
    const squeezed = [cue(1, 80, 101), cue(2, 104, 160)];
    expect(frames(retime(squeezed, [100]))).toEqual([
      [80, 102],
      [104, 160],
    ]);
    const roomy = [cue(1, 60, 101), cue(2, 104, 160)];
    expect(frames(retime(roomy, [100]))).toEqual([
      [60, 98],
      [100, 160],
    ]);
  });

  it('chains two cues across a cut: the first ends 2 frames before it, the next starts on it', () => {
    const cues = [cue(1, 10, 103, 'Before the cut.'), cue(2, 106, 170, 'After it.')];
    expect(frames(retime(cues, [100]))).toEqual([
      [10, 98],
      [100, 170],
    ]);
  });

  it('gives cues the Netflix lint passes with those cuts, at 25 fps too', () => {
    const en = getPreset('netflix-en');
    const cuts = [2, 4.52, 7.04, 9.6];
    const cues: Cue[] = [
      { index: 1, start: 0.5, end: 2.1, lines: ['Straddles the first cut.'] },
      { index: 2, start: 2.2, end: 4.4, lines: ['Starts just after it.'] },
      { index: 3, start: 4.6, end: 6.9, lines: ['Ends just before the third.'] },
      { index: 4, start: 7.2, end: 9.5, lines: ['And one more.'] },
    ];
    expect(lintCues(cues, en, { frameRate: 25, shotChanges: cuts }).some((violation) => violation.rule === 'shot-change')).toBe(true);
    const timed = timeCuesToShots(cues, cuts, { frameRate: 25 });
    expect(lintCues(timed, en, { frameRate: 25, shotChanges: cuts })).toEqual([]);
  });

  it('refuses a frame rate that is not positive', () => {
    expect(() => timeCuesToShots([cue(1, 0, 30)], [], { frameRate: 0 })).toThrow(expect.objectContaining({ code: 'SUBTITLES_INPUT_INVALID' }));
  });
});
