import { romanizeHindi } from '@bollyx/transliteration';
import { inProcess } from '@bollyx/stage-runner';
import type { StageDefinition } from '@bollyx/stage-runner';
import { transcriptSchema } from '../stages/asr/transcript';
import type { Transcript } from '../stages/asr/transcript';
import { readJson, writeJson } from './json-file';
import { LAYOUT, ROMANIZED_HINDI } from './pipeline-layout';

/**
 * The Hindi transcript in Latin script, word by word: every word keeps its times, so the romanized cues
 * are timed like the Hindi ones. The language stays `hi` (it is Hindi, in another script): the Hindi preset
 * cuts it and the mux tags it `hin`. The words are romanized as one text, so sentence case (the first word
 * after a full stop capitalised) runs across segments as romanizeHindi writes it.
 */
export function romanizeTranscript(transcript: Transcript): Transcript {
  const words = transcript.segments.flatMap((segment) => segment.words.map((word) => word.text));
  // romanizeHindi keeps spaces and writes each Devanagari word as one Latin word.
  const joined = romanizeHindi(words.join(' ')).split(' ');
  const romanized = joined.length === words.length ? joined : words.map((word) => romanizeHindi(word));
  let next = 0;
  return {
    ...transcript,
    segments: transcript.segments.map((segment) => ({
      ...segment,
      // A word that romanizes to nothing (a lone joiner) keeps its text.
      words: segment.words.map((word) => ({ ...word, text: romanized[next++] || word.text })),
    })),
  };
}

/** romanize: transcripts/hi.json → transcripts/hi-Latn.json, for the romanized Hindi subtitle track. */
export function romanizeStage(): StageDefinition {
  return {
    id: 'romanize',
    version: '1',
    needs: ['transcript'],
    params: { script: 'Latn', transliterator: '@bollyx/transliteration' },
    outputs: [LAYOUT.transcript(ROMANIZED_HINDI)],
    backend: '@bollyx/transliteration',
    run: inProcess(async (ctx) => {
      const hindi = ctx.needs.transcript!.find((file) => file.endsWith(`/${LAYOUT.transcript('hi')}`))!;
      const romanized = romanizeTranscript(await readJson(hindi, transcriptSchema));
      ctx.log(`${romanized.segments.length} segments romanized`);
      await writeJson(ctx.output(LAYOUT.transcript(ROMANIZED_HINDI)), romanized);
      ctx.progress(1);
    }),
  };
}
