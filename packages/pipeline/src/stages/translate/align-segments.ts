import type { TranscriptSegment } from '../asr/transcript';
import type { SourceSegment } from './translator';

type Word = TranscriptSegment['words'][number];

/** Seconds by which a word misses a segment: 0 when it overlaps, else the distance to the nearer edge. */
function distance(word: Word, segment: SourceSegment): number {
  if (word.end >= segment.start && word.start <= segment.end) return 0;
  return word.end < segment.start ? segment.start - word.end : word.start - segment.end;
}

/** Of the segments it touches (or, touching none, the nearest), the one a word overlaps most. */
function ownerOf(word: Word, segments: readonly SourceSegment[]): number {
  let best = 0;
  let bestScore = -Infinity;
  segments.forEach((segment, index) => {
    const overlap = Math.min(word.end, segment.end) - Math.max(word.start, segment.start);
    const score = overlap >= 0 ? overlap : -distance(word, segment);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/**
 * Gives each translated word to the source segment it overlaps most (or lies nearest), clamped into
 * that segment's times: one translated segment per source segment that got words, in order, with its speaker.
 */
export function alignToSegments(words: readonly Word[], segments: readonly SourceSegment[]): TranscriptSegment[] {
  if (segments.length === 0) return [];
  const owned = segments.map((): Word[] => []);
  for (const word of words) owned[ownerOf(word, segments)]!.push(word);
  return segments.flatMap((segment, index) => {
    const clamp = (time: number) => Math.min(segment.end, Math.max(segment.start, time));
    const aligned = owned[index]!.map((word) => ({ text: word.text, start: clamp(word.start), end: clamp(word.end) }));
    if (aligned.length === 0) return [];
    return [{ start: segment.start, end: segment.end, words: aligned, ...(segment.speaker === undefined ? {} : { speaker: segment.speaker }) }];
  });
}
