import { z } from 'zod';
import { collapseRepeats } from './collapse-repeats';
import { toSourceTime } from './speech-timeline';
import type { SpeechTimeline } from './speech-timeline';
import type { TimedSegment, TimedWord } from './whisper-words';

const wordSchema = z.object({ text: z.string().min(1), start: z.number().nonnegative(), end: z.number().nonnegative() });

/** A transcript on the movie's timeline: what the transcript and translation stages write. */
export const transcriptSchema = z.object({
  /** ISO 639-1 code of the text (for `auto`, the language Whisper detected). */
  language: z.string(),
  /** Segments in the shape `@bollyx/subtitles` cuts into cues. */
  segments: z.array(
    z.object({
      start: z.number().nonnegative(),
      end: z.number().nonnegative(),
      words: z.array(wordSchema).min(1),
      /** Who speaks (`Speaker 1`, …), when diarization ran. */
      speaker: z.string().min(1).optional(),
    }),
  ),
});
export type Transcript = z.infer<typeof transcriptSchema>;
export type TranscriptSegment = Transcript['segments'][number];

/**
 * A word on the movie's timeline: it belongs to the chunk of speech it overlaps most and is clamped into
 * it (Whisper's word times are loose). A word that overlaps no speech, heard in an inserted gap or the
 * padding, was made up: it is dropped.
 */
function mapWord(timeline: SpeechTimeline, word: TimedWord): TimedWord | undefined {
  let best: { start: number; end: number } | undefined;
  let bestOverlap = 0;
  for (const chunk of timeline.chunks) {
    const chunkEnd = chunk.condensedStart + (chunk.sourceEnd - chunk.sourceStart);
    const start = Math.max(word.start, chunk.condensedStart);
    const end = Math.min(word.end, chunkEnd);
    // A zero-length word inside a chunk still counts as heard there.
    const overlap = end - start;
    if (overlap >= 0 && (best === undefined || overlap > bestOverlap)) {
      best = { start, end };
      bestOverlap = overlap;
    }
  }
  if (best === undefined) return undefined;
  return { text: word.text, start: toSourceTime(timeline, best.start), end: toSourceTime(timeline, best.end) };
}

/**
 * Whisper's segments, heard as condensed speech, put back on the movie's timeline: words heard in
 * silence are dropped, the others clamped into the speech they overlap, and a line repeated three or more times in a row is kept once.
 */
export function toTranscript(segments: readonly TimedSegment[], timeline: SpeechTimeline, language: string): Transcript {
  const mapped = segments.flatMap((segment) => {
    const words = segment.words.map((word) => mapWord(timeline, word)).filter((word) => word !== undefined);
    if (words.length === 0) return [];
    return [{ text: words.map((word) => word.text).join(' '), start: words[0]!.start, end: Math.max(...words.map((word) => word.end)), words }];
  });
  return {
    language,
    segments: collapseRepeats(mapped).map(({ start, end, words }) => ({ start, end, words })),
  };
}
