import { link, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SubtitleOutputExistsError, SubtitlesInputError } from './errors';
import { readSubtitleFile } from './read-subtitle-file';
import type { SubtitleFormat } from './schemas';
import { formatOfPath, writeSubtitles } from './subtitle-formats';

export interface ConvertSubtitleFileOptions {
  /** BCP 47 tag of the text, for TTML's `xml:lang` and the ASS style; by default from a name such as `movie.hi.srt`, else `und`. */
  language?: string;
  /** The video's frame rate, declared in TTML (default 24). */
  frameRate?: number;
  /** WebVTT: speakers as `<v>` voice spans. */
  voices?: boolean;
  /** Replace `output` when it exists. */
  force?: boolean;
  signal?: AbortSignal;
}

/** `hi` of `movie.hi.srt`, `hi-Latn` of `subtitles/hi-Latn.vtt`: the last name part that is a language tag. */
function languageOfName(file: string): string | undefined {
  const parts = path.basename(file, path.extname(file)).split('.');
  return parts.reverse().find((part) => /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?$/.test(part));
}

/**
 * Converts a subtitle file to the format its output name says (.srt, .vtt, .ttml/.dfxp/.xml,
 * .ass/.ssa), keeping every cue's text, times, italics and speaker. Writes atomically (a temporary
 * file in the same folder, then a rename) and refuses to replace an existing output unless `force`
 * (SubtitleOutputExistsError). Returns the formats and the number of cues.
 */
export async function convertSubtitleFile(
  input: string,
  output: string,
  options: ConvertSubtitleFileOptions = {},
): Promise<{ from: SubtitleFormat; to: SubtitleFormat; cues: number }> {
  const to = formatOfPath(output);
  if (to === undefined) {
    throw new SubtitlesInputError(`${output} does not name a subtitle format`, 'End the output name in .srt, .vtt, .ttml or .ass');
  }
  const { format: from, cues } = await readSubtitleFile(input, options.signal === undefined ? {} : { signal: options.signal });
  const language = options.language ?? languageOfName(output) ?? languageOfName(input) ?? 'und';
  const text = writeSubtitles(cues, to, {
    language,
    ...(options.frameRate === undefined ? {} : { frameRate: options.frameRate }),
    voices: options.voices ?? false,
  });
  options.signal?.throwIfAborted();
  const temporary = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.tmp`);
  await writeFile(temporary, text, 'utf8');
  try {
    if (options.force) await rename(temporary, output);
    // A hard link fails when the output exists, so no other writer's file is ever replaced.
    else await link(temporary, output);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new SubtitleOutputExistsError(output);
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  return { from, to, cues: cues.length };
}
