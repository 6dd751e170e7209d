import { describe, expect, it } from 'vitest';
import { getPreset, presets } from './get-preset';
import { PresetSchema } from './schemas';

describe('presets', () => {
  it('are valid data that name their source', () => {
    expect(Object.keys(presets)).toEqual(['netflix-en', 'netflix-hi', 'netflix-hi-children', 'netflix-hi-sdh', 'netflix-hi-children-sdh']);
    for (const [name, preset] of Object.entries(presets)) {
      expect(PresetSchema.parse(preset).name).toBe(name);
      expect(preset.source.url).toMatch(/^https:\/\/partnerhelp\.netflixstudios\.com\//);
    }
  });

  it('hold the Netflix English limits', () => {
    expect(getPreset('netflix-en')).toMatchObject({
      maxCharsPerLine: 42,
      maxLines: 2,
      maxCharsPerSecond: 20,
      minDurationSeconds: 5 / 6,
      maxDurationSeconds: 7,
      minGapFrames: 2,
      countBy: 'graphemes',
    });
  });

  it('read Hindi at 22 characters a second for adults, 18 for children, 25 for SDH (Netflix Hindi guide)', () => {
    expect(['netflix-hi', 'netflix-hi-children', 'netflix-hi-sdh', 'netflix-hi-children-sdh'].map((name) => getPreset(name).maxCharsPerSecond)).toEqual([
      22, 18, 25, 20,
    ]);
    expect(getPreset('netflix-hi-sdh')).toMatchObject({ language: 'hi', maxCharsPerLine: 42, minGapFrames: 2 });
  });

  it('name the valid presets when asked for an unknown one', () => {
    expect(() => getPreset('bbc')).toThrow(
      expect.objectContaining({ code: 'SUBTITLES_PRESET_UNKNOWN', hint: expect.stringContaining('netflix-en, netflix-hi') }),
    );
    expect(() => getPreset('toString')).toThrow(expect.objectContaining({ code: 'SUBTITLES_PRESET_UNKNOWN' }));
  });
});
