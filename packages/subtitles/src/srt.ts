import { z } from 'zod';
import { type Cue, CueSchema } from './schemas';
import { isBlank, splitLines } from './text-lines';
import { formatTimestamp, parseTimingLine, readTimingLine } from './timestamps';
import { validate } from './validate';

/** SubRip text for `cues`, numbered from 1 in order, with \n line ends. Lines are plain text. */
export function toSrt(cues: readonly Cue[]): string {
  validate(z.array(CueSchema), cues, 'cues', 'Give each cue start and end in seconds and lines without line breaks');
  return cues
    .map((cue, position) =>
      [`${position + 1}`, `${formatTimestamp(cue.start, 'srt')} --> ${formatTimestamp(cue.end, 'srt')}`, ...cue.lines, ''].join('\n'),
    )
    .join('\n');
}

const isCueNumber = (line: string | undefined) => line !== undefined && /^\s*\d+\s*$/.test(line);

/**
 * Cues from SubRip text. Tolerates a BOM, CRLF line ends, a missing final blank line, a full stop for
 * the comma in timestamps and a missing blank line before the next cue's number. A cue keeps the
 * number the file gives it. Throws SubtitleParseError naming the line at fault.
 */
export function parseSrt(text: string): Cue[] {
  const lines = splitLines(text);
  const cues: Cue[] = [];
  let at = 0;
  const startsCue = (index: number) =>
    isCueNumber(lines[index]) && lines[index + 1] !== undefined && parseTimingLine(lines[index + 1]!, 'srt') !== undefined;
  while (at < lines.length) {
    if (isBlank(lines[at])) {
      at += 1;
      continue;
    }
    let number: number | undefined;
    if (isCueNumber(lines[at])) {
      number = Number(lines[at]!.trim());
      at += 1;
    }
    const timing = readTimingLine(lines, at, 'srt');
    at += 1;
    const textLines: string[] = [];
    while (!isBlank(lines[at]) && !startsCue(at)) textLines.push(lines[at++]!);
    cues.push({ index: number && number > 0 ? number : cues.length + 1, ...timing, lines: textLines });
  }
  return cues;
}
