import { ModelConfigInvalidError } from './model-errors';

export interface BaseUrlSetting {
  /** What the URL is, in the message: `model mirror`. */
  what: string;
  /** Where it is set, in the hint: `BOLLYX_MODEL_MIRROR (or --mirror)`. */
  setting: string;
  example: string;
}

/**
 * `value` as a base URL that paths are resolved against. A trailing slash is added, so its last path
 * segment is a folder the paths go in; anything but http(s) is refused, naming the setting to fix.
 */
export function httpBaseUrl(value: string, { what, setting, example }: BaseUrlSetting): URL {
  const withSlash = value.endsWith('/') ? value : `${value}/`;
  const base = URL.canParse(withSlash) ? new URL(withSlash) : undefined;
  if (base === undefined || (base.protocol !== 'http:' && base.protocol !== 'https:')) {
    throw new ModelConfigInvalidError(`the ${what} "${value}" is not an http(s) URL`, `set ${setting} to a base URL such as ${example}`, { url: value });
  }
  return base;
}
