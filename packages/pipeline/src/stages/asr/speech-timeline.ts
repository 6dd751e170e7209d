import { z } from 'zod';

/** A stretch of speech in the source, in seconds. */
export interface SpeechSpan {
  start: number;
  end: number;
}

/** Where one speech span sits in the condensed audio that Whisper hears. */
const timelineChunkSchema = z.object({ sourceStart: z.number(), sourceEnd: z.number(), condensedStart: z.number() });
export type TimelineChunk = z.infer<typeof timelineChunkSchema>;

/** How the condensed speech Whisper hears maps back to the movie: what `audio/speech-timeline.json` holds. */
export const speechTimelineSchema = z.object({
  chunks: z.array(timelineChunkSchema),
  /** Silence put between chunks, so Whisper hears a pause where the source had one. */
  gapSeconds: z.number().nonnegative(),
  condensedDuration: z.number().nonnegative(),
});
export type SpeechTimeline = z.infer<typeof speechTimelineSchema>;

/**
 * Lays the speech spans end to end with a short silence between them: Whisper then transcribes only
 * speech, in one pass, and its times map back to the source through `toSourceTime`.
 */
export function planSpeechTimeline(spans: readonly SpeechSpan[], gapSeconds = 0.5): SpeechTimeline {
  const chunks: TimelineChunk[] = [];
  let cursor = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.end <= span.start) continue;
    if (chunks.length > 0) cursor += gapSeconds;
    chunks.push({ sourceStart: span.start, sourceEnd: span.end, condensedStart: cursor });
    cursor += span.end - span.start;
  }
  return { chunks, gapSeconds, condensedDuration: cursor };
}

/**
 * The source time of a condensed time. A time inside an inserted gap belongs to no speech: it snaps to
 * the nearer edge of the chunks around it, so a word Whisper places there stays inside speech.
 */
export function toSourceTime(timeline: SpeechTimeline, condensed: number): number {
  const { chunks } = timeline;
  if (chunks.length === 0) return condensed;
  // Binary search for the last chunk that starts at or before the time.
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (chunks[middle]!.condensedStart <= condensed) low = middle;
    else high = middle - 1;
  }
  const chunk = chunks[low]!;
  const offset = condensed - chunk.condensedStart;
  const length = chunk.sourceEnd - chunk.sourceStart;
  if (offset <= 0) return chunk.sourceStart;
  if (offset <= length) return chunk.sourceStart + offset;
  const next = chunks[low + 1];
  const intoGap = offset - length;
  return next && intoGap > timeline.gapSeconds / 2 ? next.sourceStart : chunk.sourceEnd;
}
