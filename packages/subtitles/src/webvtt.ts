import { z } from 'zod';
import { SubtitleParseError } from './errors';
import { type Cue, CueSchema } from './schemas';
import { isBlank, splitLines } from './text-lines';
import { formatTimestamp, readTimingLine } from './timestamps';
import { validate } from './validate';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&nbsp;': '\u00a0', '&lrm;': '\u200e', '&rlm;': '\u200f' };

/**
 * WebVTT text for `cues`, with a WEBVTT header, numbered cue identifiers and \n line ends. Lines are
 * plain text: &, < and > are escaped so a player shows them as written.
 */
export function toVtt(cues: readonly Cue[]): string {
  validate(z.array(CueSchema), cues, 'cues', 'Give each cue start and end in seconds and lines without line breaks');
  const blocks = cues.map((cue, position) =>
    [
      `${position + 1}`,
      `${formatTimestamp(cue.start, 'vtt')} --> ${formatTimestamp(cue.end, 'vtt')}`,
      ...cue.lines.map((line) => line.replace(/[&<>]/g, (char) => ESCAPES[char]!)),
      '',
    ].join('\n'),
  );
  return ['WEBVTT', '', ...blocks].join('\n');
}

/**
 * Cues from WebVTT text: skips the header, NOTE, STYLE and REGION blocks and cue settings, and
 * unescapes the character references of the text. Cues are numbered in order. Throws
 * SubtitleParseError naming the line at fault.
 */
export function parseVtt(text: string): Cue[] {
  const lines = splitLines(text);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    throw new SubtitleParseError('A WebVTT file must start with the line "WEBVTT"', {
      line: 1,
      hint: 'Add "WEBVTT" and a blank line at the top, or name the file .srt if it is SubRip',
    });
  }
  let at = 1;
  while (!isBlank(lines[at])) at += 1;
  const cues: Cue[] = [];
  while (at < lines.length) {
    if (isBlank(lines[at])) {
      at += 1;
      continue;
    }
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(lines[at]!)) {
      while (!isBlank(lines[at])) at += 1;
      continue;
    }
    // A cue may start with an identifier line before its timing.
    if (!lines[at]!.includes('-->')) at += 1;
    const timing = readTimingLine(lines, at, 'vtt');
    at += 1;
    const textLines: string[] = [];
    while (!isBlank(lines[at])) textLines.push(lines[at++]!.replace(/&(?:amp|lt|gt|nbsp|lrm|rlm);/g, (entity) => ENTITIES[entity]!));
    cues.push({ index: cues.length + 1, ...timing, lines: textLines });
  }
  return cues;
}
