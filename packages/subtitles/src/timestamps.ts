import { SubtitleParseError } from './errors';
import type { SubtitleFormat } from './schemas';

/** The formats whose cues are `start --> end` lines. */
type LineFormat = Extract<SubtitleFormat, 'srt' | 'vtt'>;

/** `01:02:03,456` for SRT, `01:02:03.456` for the others; rounded to the millisecond. */
export function formatTimestamp(seconds: number, format: SubtitleFormat): string {
  const total = Math.round(seconds * 1000);
  const ms = total % 1000;
  const s = Math.floor(total / 1000) % 60;
  const m = Math.floor(total / 60_000) % 60;
  const h = Math.floor(total / 3_600_000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${format === 'srt' ? ',' : '.'}${pad(ms, 3)}`;
}

// SRT wants hours and a comma; many files in the wild use a full stop, which players accept too.
const SRT_TIMESTAMP = /^(\d+):([0-5]\d):([0-5]\d)[,.](\d{3})$/;
// WebVTT makes the hours optional and wants a full stop.
const VTT_TIMESTAMP = /^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

/** Seconds for a timestamp, or undefined when it is not one of `format`'s. */
function parseTimestamp(text: string, format: LineFormat): number | undefined {
  const match = (format === 'srt' ? SRT_TIMESTAMP : VTT_TIMESTAMP).exec(text);
  if (!match) return undefined;
  const [, h = '0', m = '0', s = '0', ms = '0'] = match;
  return (Number(h) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000 + Number(ms)) / 1000;
}

/** Start and end of a `start --> end [settings]` line, or undefined when the line is not one. */
export function parseTimingLine(line: string, format: LineFormat): { start: number; end: number } | undefined {
  const match = /^\s*(\S+)\s+-->\s+(\S+)(?:\s.*)?$/.exec(line);
  if (!match) return undefined;
  const start = parseTimestamp(match[1]!, format);
  const end = parseTimestamp(match[2]!, format);
  return start === undefined || end === undefined ? undefined : { start, end };
}

const TIMING_EXAMPLES: Readonly<Record<LineFormat, string>> = {
  srt: '00:00:01,000 --> 00:00:02,500',
  vtt: '00:00:01.000 --> 00:00:02.500',
};

const CUE_LAYOUTS: Readonly<Record<LineFormat, string>> = {
  srt: `each SRT cue is a number, a line "${TIMING_EXAMPLES.srt}", its text and a blank line`,
  vtt: `each WebVTT cue is an optional identifier, a line "${TIMING_EXAMPLES.vtt}", its text and a blank line`,
};

/** Start and end from `lines[at]`, which a cue needs to be its timing line; else SubtitleParseError naming the line. */
export function readTimingLine(lines: readonly string[], at: number, format: LineFormat): { start: number; end: number } {
  const timing = lines[at] === undefined ? undefined : parseTimingLine(lines[at]!, format);
  if (timing) return timing;
  throw new SubtitleParseError(`Line ${at + 1} should be a cue timing such as ${TIMING_EXAMPLES[format]}, not "${(lines[at] ?? '').slice(0, 60)}"`, {
    line: at + 1,
    hint: `Fix line ${at + 1}: ${CUE_LAYOUTS[format]}`,
  });
}
