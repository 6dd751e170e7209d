import { getPreset, presets } from '@bollyx/subtitles';
import type { Preset } from '@bollyx/subtitles';

/** The limits a job's config may set over its preset's. */
export type PresetOverrides = Partial<
  Pick<Preset, 'maxCharsPerLine' | 'maxLines' | 'maxCharsPerSecond' | 'minDurationSeconds' | 'maxDurationSeconds' | 'minGapFrames'>
>;

/**
 * The preset for one language: `auto` picks the language's own Netflix preset (`netflix-hi` for Hindi),
 * falling back to `netflix-en`; any other name must be a built-in preset. Overrides replace its limits.
 */
export function subtitlePreset(name: string, language: string, overrides: PresetOverrides = {}): Preset {
  const base = name === 'auto' ? (presets[`netflix-${language}`] ?? getPreset('netflix-en')) : getPreset(name);
  return { ...base, ...overrides };
}
