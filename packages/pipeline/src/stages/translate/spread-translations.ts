import { spreadWords } from '../asr/spread-words';
import type { TranscriptSegment } from '../asr/transcript';
import { TranslateResultInvalidError } from './translate-errors';
import type { SourceSegment } from './translator';

/**
 * A text translator's output on the source's timeline: each translated text becomes its source segment's
 * translation, its words spread over the segment's time by length, with the segment's speaker. A text
 * that came back empty gives no segment. Texts are in the source segments' order, one each.
 */
export function spreadTranslations(
  segments: readonly SourceSegment[],
  texts: readonly string[],
  where: { backend: string; target: string },
): TranscriptSegment[] {
  if (texts.length !== segments.length) throw new TranslateResultInvalidError(where.backend, where.target, segments.length, texts.length);
  return segments.flatMap((segment, index) => {
    const words = spreadWords(texts[index]!, segment.start, segment.end);
    if (words.length === 0) return [];
    return [{ start: segment.start, end: segment.end, words, ...(segment.speaker === undefined ? {} : { speaker: segment.speaker }) }];
  });
}
