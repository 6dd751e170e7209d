import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SubtitleFileError, SubtitleParseError } from './errors';
import type { Cue, SubtitleFormat } from './schemas';
import { parseSrt } from './srt';
import { parseVtt } from './webvtt';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function formatOf(file: string, text: string): SubtitleFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.vtt') return 'vtt';
  if (extension === '.srt') return 'srt';
  return /^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/.test(text) ? 'vtt' : 'srt';
}

/**
 * Reads and parses an SRT or WebVTT file (by its extension, else by its first line). Throws
 * SubtitleFileError when it cannot be read and SubtitleParseError when it is not UTF-8 subtitles or
 * holds no cues.
 */
export async function readSubtitleFile(file: string, options: { signal?: AbortSignal } = {}): Promise<{ format: SubtitleFormat; cues: Cue[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file, { signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new SubtitleFileError(file, error);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (error) {
    throw new SubtitleParseError(`${file} is not UTF-8 text`, {
      file,
      cause: error,
      hint: `If it is subtitles in another encoding, convert it: \`iconv -f WINDOWS-1252 -t UTF-8 ${file} > out.srt\`; if it is a video, extract its subtitles: \`ffmpeg -i ${file} out.srt\``,
    });
  }
  const format = formatOf(file, text);
  let cues: Cue[];
  try {
    cues = format === 'vtt' ? parseVtt(text) : parseSrt(text);
  } catch (error) {
    if (!(error instanceof SubtitleParseError)) throw error;
    throw new SubtitleParseError(`${file} is not valid ${format === 'vtt' ? 'WebVTT' : 'SRT'}: ${error.message}`, {
      file,
      line: error.line,
      cause: error,
      hint: error.hint ?? '',
    });
  }
  if (cues.length === 0) {
    throw new SubtitleParseError(`${file} holds no subtitle cues`, {
      file,
      hint: 'Pass a subtitle file with at least one cue',
    });
  }
  return { format, cues };
}
