import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lintCues, parseAss, parseSrt, parseTtml, parseVtt } from '@bollyx/subtitles';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../../tools/test-temp-dir';
import { subtitlePreset } from './subtitle-preset';
import { writeSubtitleFiles } from './write-subtitle-files';

const tempDir = useTempDirs();

describe('subtitlePreset', () => {
  it('picks the language’s own preset for auto, netflix-en for a language without one', () => {
    expect(subtitlePreset('auto', 'hi').name).toBe('netflix-hi');
    expect(subtitlePreset('auto', 'ta').name).toBe('netflix-en');
    expect(subtitlePreset('netflix-en', 'hi').name).toBe('netflix-en');
  });

  it('applies the limits the user set and rejects an unknown name', () => {
    expect(subtitlePreset('auto', 'hi', { maxCharsPerLine: 30 })).toMatchObject({ name: 'netflix-hi', maxCharsPerLine: 30, maxCharsPerSecond: 22 });
    expect(() => subtitlePreset('youtube', 'en')).toThrow(expect.objectContaining({ code: 'SUBTITLES_PRESET_UNKNOWN' }));
  });
});

describe('writeSubtitleFiles', () => {
  it('writes the same cues as UTF-8 SRT and WebVTT, keeping the preset', async () => {
    const dir = await tempDir();
    const preset = subtitlePreset('auto', 'hi');
    const words = 'मैं कल सुबह स्टेशन जाऊँगा'.split(' ').map((text, index) => ({ text, start: 1 + index * 0.4, end: 1.35 + index * 0.4 }));
    const count = await writeSubtitleFiles({
      segments: [{ start: 1, end: 3, words }],
      preset,
      speech: [{ start: 0.9, end: 3.1 }],
      srt: join(dir, 'hi.srt'),
      vtt: join(dir, 'hi.vtt'),
    });
    const cues = parseSrt(await readFile(join(dir, 'hi.srt'), 'utf8'));
    expect(cues).toHaveLength(count);
    expect(cues.flatMap((cue) => cue.lines).join(' ')).toBe('मैं कल सुबह स्टेशन जाऊँगा');
    expect(parseVtt(await readFile(join(dir, 'hi.vtt'), 'utf8'))).toEqual(cues);
    expect(lintCues(cues, preset)).toEqual([]);
  });

  it('writes TTML, ASS and WebVTT with voices from one set of cues, timed to the shot changes', async () => {
    const dir = await tempDir();
    const preset = subtitlePreset('auto', 'hi');
    const say = (text: string, start: number, speaker: string) => ({
      start,
      end: start + 2,
      speaker,
      words: text.split(' ').map((word, index) => ({ text: word, start: start + index * 0.4, end: start + 0.35 + index * 0.4 })),
    });
    const files = { srt: join(dir, 'hi.srt'), vtt: join(dir, 'hi.vtt'), ttml: join(dir, 'hi.ttml'), ass: join(dir, 'hi.ass') };
    // A cut 5 frames (at 25 fps) before the second turn starts: its in-time moves onto the cut.
    const count = await writeSubtitleFiles({
      segments: [say('मैं कल सुबह स्टेशन जाऊँगा।', 1, 'अमर'), say('ठीक है, मैं भी चलूँगा।', 5, 'प्रेम')],
      preset,
      speech: [{ start: 0.9, end: 7.5 }],
      frameRate: 25,
      shotChanges: [4.8],
      voiceSpans: true,
      ...files,
    });
    expect(count).toBe(2);
    const vtt = await readFile(files.vtt, 'utf8');
    expect(vtt).toContain('<v अमर>मैं कल सुबह स्टेशन जाऊँगा।');
    const cues = parseVtt(vtt);
    expect(cues.map((cue) => [cue.start, cue.speaker])).toEqual([
      [1, 'अमर'],
      [4.8, 'प्रेम'],
    ]);
    expect(parseTtml(await readFile(files.ttml, 'utf8'))).toEqual(cues);
    expect(parseAss(await readFile(files.ass, 'utf8')).map((cue) => cue.lines)).toEqual(cues.map((cue) => cue.lines));
    expect(lintCues(cues, preset, { frameRate: 25, shotChanges: [4.8] })).toEqual([]);
  });

  it('writes files with no cues when there is nothing to say', async () => {
    const dir = await tempDir();
    const count = await writeSubtitleFiles({ segments: [], preset: subtitlePreset('auto', 'en'), speech: [], srt: join(dir, 'en.srt'), vtt: join(dir, 'en.vtt') });
    expect(count).toBe(0);
    expect(await readFile(join(dir, 'en.srt'), 'utf8')).toBe('');
    expect(await readFile(join(dir, 'en.vtt'), 'utf8')).toMatch(/^WEBVTT/);
  });
});
