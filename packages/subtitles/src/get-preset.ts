import { UnknownPresetError } from './errors';
import { netflixHi, netflixHiChildren, netflixHiChildrenSdh, netflixHiSdh } from './presets/netflix-hi';
import { netflixEn } from './presets/netflix-en';
import type { Preset } from './schemas';

/** The built-in presets by name. */
export const presets: Readonly<Record<string, Preset>> = Object.freeze({
  [netflixEn.name]: netflixEn,
  [netflixHi.name]: netflixHi,
  [netflixHiChildren.name]: netflixHiChildren,
  [netflixHiSdh.name]: netflixHiSdh,
  [netflixHiChildrenSdh.name]: netflixHiChildrenSdh,
});

/** The built-in preset called `name`; throws UnknownPresetError naming the valid ones. */
export function getPreset(name: string): Preset {
  const preset = Object.hasOwn(presets, name) ? presets[name] : undefined;
  if (!preset) throw new UnknownPresetError(name, Object.keys(presets));
  return preset;
}
