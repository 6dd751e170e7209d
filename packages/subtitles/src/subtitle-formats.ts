import path from 'node:path';
import { parseAss, toAss } from './ass';
import type { Cue, SubtitleFormat, WriteSubtitlesOptions } from './schemas';
import { WriteSubtitlesOptionsSchema } from './schemas';
import { parseSrt, toSrt } from './srt';
import { parseTtml, toTtml } from './ttml';
import { validate } from './validate';
import { parseVtt, toVtt } from './webvtt';

/** What each format is called in messages. */
export const FORMAT_NAMES: Readonly<Record<SubtitleFormat, string>> = { srt: 'SRT', vtt: 'WebVTT', ttml: 'TTML', ass: 'ASS' };

const FORMAT_BY_EXTENSION: Readonly<Record<string, SubtitleFormat>> = {
  '.srt': 'srt',
  '.vtt': 'vtt',
  '.ttml': 'ttml',
  '.dfxp': 'ttml',
  '.xml': 'ttml',
  '.ass': 'ass',
  '.ssa': 'ass',
};

/** The format a file name's extension says (.srt, .vtt, .ttml/.dfxp/.xml, .ass/.ssa), or undefined. */
export function formatOfPath(file: string): SubtitleFormat | undefined {
  return FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()];
}

/** The format text looks like by its start: WEBVTT, an XML `<tt>`, `[Script Info]`, else SRT. */
export function sniffFormat(text: string): SubtitleFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(head)) return 'vtt';
  if (head.startsWith('<')) return 'ttml';
  if (/^\[Script Info\]/i.test(head)) return 'ass';
  return 'srt';
}

/**
 * File text for `cues` in `format`: SRT; WebVTT (`voices`: speakers as `<v>` spans); TTML
 * (`language`, `frameRate`, `timing`); ASS (`language` picks the style's font, or `font`).
 */
export function writeSubtitles(cues: readonly Cue[], format: SubtitleFormat, options: WriteSubtitlesOptions): string {
  const valid = validate(WriteSubtitlesOptionsSchema, options, 'subtitle options', 'Pass { language: "hi" } and, for TTML, the video\'s frameRate');
  switch (format) {
    case 'srt':
      return toSrt(cues);
    case 'vtt':
      return toVtt(cues, { voices: valid.voices ?? false });
    case 'ttml':
      return toTtml(cues, {
        language: valid.language,
        ...(valid.frameRate === undefined ? {} : { frameRate: valid.frameRate }),
        ...(valid.timing === undefined ? {} : { timing: valid.timing }),
      });
    case 'ass':
      return toAss(cues, { language: valid.language, ...(valid.font === undefined ? {} : { font: valid.font }) });
  }
}

/** Cues from file text in `format`; throws SubtitleParseError naming the line at fault. */
export function parseSubtitles(text: string, format: SubtitleFormat): Cue[] {
  switch (format) {
    case 'srt':
      return parseSrt(text);
    case 'vtt':
      return parseVtt(text);
    case 'ttml':
      return parseTtml(text);
    case 'ass':
      return parseAss(text);
  }
}
