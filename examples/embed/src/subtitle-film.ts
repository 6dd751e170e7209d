import { readFile } from 'node:fs/promises';
import { subtitleMovie, type RunSummary } from '@bollyx/pipeline';
import { parseSrt } from '@bollyx/subtitles';

// Narrower than either preset's 42: the proof that the run applies the config's subtitle limits.
const MAX_CHARS_PER_LINE = 20;
// Characters as a viewer counts them: a Devanagari conjunct is one.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Hindi and English subtitles for `film` with the Whisper model file `model`: the job is prepared, the
 * machine checked, the engine and the VAD model fetched if missing, every stage run (or found cached).
 */
export async function subtitleFilm(film: string, model: string): Promise<RunSummary> {
  const summary = await subtitleMovie(film, {
    model,
    sourceLanguage: 'hi',
    targetLanguages: ['en'],
    config: { subtitles: { maxCharsPerLine: MAX_CHARS_PER_LINE } },
  });
  console.table(summary.stages);
  console.log('subtitles:', summary.outputs.subtitles);

  let lines = 0;
  for (const [language, files] of Object.entries(summary.outputs.subtitles)) {
    const srt = files['srt'];
    if (srt === undefined) throw new Error(`no ${language} .srt in the outputs`);
    for (const cue of parseSrt(await readFile(srt, 'utf8'))) {
      for (const line of cue.lines) {
        const length = [...graphemes.segment(line)].length;
        if (length > MAX_CHARS_PER_LINE) throw new Error(`${srt} cue ${cue.index}: "${line}" has ${length} characters, over ${MAX_CHARS_PER_LINE}`);
        lines += 1;
      }
    }
  }
  // No lines would prove nothing.
  if (lines === 0) throw new Error('the run wrote no subtitle lines');
  console.log(`all ${lines} subtitle lines are at most ${MAX_CHARS_PER_LINE} characters`);
  return summary;
}
