import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lintCues, parseSrt, parseVtt } from '@bollyx/subtitles';
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
    expect(subtitlePreset('auto', 'hi', { maxCharsPerLine: 30 })).toMatchObject({ name: 'netflix-hi', maxCharsPerLine: 30, maxCharsPerSecond: 17 });
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

  it('writes files with no cues when there is nothing to say', async () => {
    const dir = await tempDir();
    const count = await writeSubtitleFiles({ segments: [], preset: subtitlePreset('auto', 'en'), speech: [], srt: join(dir, 'en.srt'), vtt: join(dir, 'en.vtt') });
    expect(count).toBe(0);
    expect(await readFile(join(dir, 'en.srt'), 'utf8')).toBe('');
    expect(await readFile(join(dir, 'en.vtt'), 'utf8')).toMatch(/^WEBVTT/);
  });
});
