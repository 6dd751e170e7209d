import { z } from 'zod';
import { SubtitleParseError } from './errors';
import { type Cue, CueSchema, type VttOptions, VttOptionsSchema } from './schemas';
import { isBlank, splitLines } from './text-lines';
import { formatTimestamp, readTimingLine } from './timestamps';
import { validate } from './validate';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&nbsp;': '\u00a0', '&lrm;': '\u200e', '&rlm;': '\u200f' };

const escapeText = (text: string) => text.replace(/[&<>]/g, (char) => ESCAPES[char]!);
// Italic tags are WebVTT markup too; everything else is shown as written.
const escapeLine = (line: string) => line.split(/(<\/?i>)/).map((part, at) => (at % 2 === 1 ? part : escapeText(part))).join('');

/**
 * WebVTT text for `cues`, with a WEBVTT header, numbered cue identifiers and \n line ends. Lines are
 * plain text but for `<i>` tags: &, < and > are escaped so a player shows them as written. With
 * `voices`, a cue's `speaker` opens its text as a voice span, `<v Speaker>`.
 */
export function toVtt(cues: readonly Cue[], options: VttOptions = {}): string {
  validate(z.array(CueSchema), cues, 'cues', 'Give each cue start and end in seconds and lines without line breaks');
  const { voices } = validate(VttOptionsSchema, options, 'WebVTT options', 'Pass { voices: true } or nothing');
  const blocks = cues.map((cue, position) => {
    const lines = cue.lines.map(escapeLine);
    // A voice span's annotation ends at ">", and its end tag may be left out when it runs to the cue's end.
    if (voices && cue.speaker !== undefined && lines.length > 0) lines[0] = `<v ${escapeText(cue.speaker)}>${lines[0]}`;
    return [`${position + 1}`, `${formatTimestamp(cue.start, 'vtt')} --> ${formatTimestamp(cue.end, 'vtt')}`, ...lines, ''].join('\n');
  });
  return ['WEBVTT', '', ...blocks].join('\n');
}

const VOICE_START = /^<v(?:\.[^\s>]*)?[ \t]+([^>]+)>/;

/**
 * Cues from WebVTT text: skips the header, NOTE, STYLE and REGION blocks and cue settings, and
 * unescapes the character references of the text. Cues are numbered in order. Throws
 * SubtitleParseError naming the line at fault. A `<v Speaker>` voice span that opens a cue gives it
 * its `speaker`.
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
    while (!isBlank(lines[at])) textLines.push(lines[at++]!);
    // A voice span that opens the cue names its speaker; the span's tags are not text.
    const voice = VOICE_START.exec(textLines[0] ?? '');
    if (voice) textLines[0] = textLines[0]!.slice(voice[0].length);
    const unescape = (text: string) => text.replace(/&(?:amp|lt|gt|nbsp|lrm|rlm);/g, (entity) => ENTITIES[entity]!);
    const speaker = voice ? unescape(voice[1]!.trim()) : undefined;
    const text = textLines.map((line) => unescape(voice ? line.replace(/<\/v>/g, '') : line)).filter((line) => line.trim() !== '');
    cues.push({ index: cues.length + 1, ...timing, lines: text, ...(speaker ? { speaker } : {}) });
  }
  return cues;
}
