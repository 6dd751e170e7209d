import { z } from 'zod';

// 90, 90.5, 01:30, 1:02:03.250: minutes and seconds after a colon stay below 60.
const TIMECODE_PATTERN = /^(?:(?:(\d+):)?([0-5]?\d):)?(\d+(?:\.\d+)?)$/;

/** Seconds from `90`, `90.5`, `MM:SS(.ms)` or `HH:MM:SS(.ms)`; undefined when the text is none of them. */
function parseTimecode(text: string): number | undefined {
  const match = TIMECODE_PATTERN.exec(text);
  if (!match) return undefined;
  const [, hours, minutes, seconds] = match;
  const value = Number(seconds);
  if ((minutes !== undefined || hours !== undefined) && value >= 60) return undefined;
  return Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + value;
}

const TIMECODE_FORMS = 'seconds (90, 90.5) or HH:MM:SS(.ms) (01:30, 1:02:03.250)';

/** A point in the media: seconds as a number, or text as seconds or `HH:MM:SS(.ms)`. Parses to seconds. */
export const TimecodeSchema = z.union(
  [
    z.number().nonnegative(),
    z.string().regex(TIMECODE_PATTERN).transform((text, context) => {
      const seconds = parseTimecode(text);
      if (seconds === undefined) {
        context.addIssue({ code: 'custom', message: TIMECODE_FORMS });
        return z.NEVER;
      }
      return seconds;
    }),
  ],
  { error: TIMECODE_FORMS },
);
