import { readFile } from 'node:fs/promises';
import { SubtitleFileError, SubtitleParseError } from './errors';
import type { Cue, SubtitleFormat } from './schemas';
import { FORMAT_NAMES, formatOfPath, parseSubtitles, sniffFormat } from './subtitle-formats';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads and parses an SRT, WebVTT, TTML or ASS file (by its extension, else by how it starts). Throws
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
  const format = formatOfPath(file) ?? sniffFormat(text);
  let cues: Cue[];
  try {
    cues = parseSubtitles(text, format);
  } catch (error) {
    if (!(error instanceof SubtitleParseError)) throw error;
    throw new SubtitleParseError(`${file} is not valid ${FORMAT_NAMES[format]}: ${error.message}`, {
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
