import type { SpeechTimeline } from '../asr/speech-timeline';
import { toTranscript } from '../asr/transcript';
import type { TimedSegment } from '../asr/whisper-words';
import { alignToSegments } from './align-segments';
import type { Translator } from './translator';
import { TranslateLanguageUnsupportedError } from './translate-errors';

export interface WhisperTranslatorOptions {
  /** Whisper's translate-task segments (`whisper-cli --translate`), heard on the condensed speech. */
  heard: readonly TimedSegment[];
  /** The timeline of that condensed speech. */
  timeline: SpeechTimeline;
}

/**
 * The translator built on Whisper's own translate task: Whisper already heard the speech and wrote
 * English; this puts its words back on the movie's timeline, drops those heard in silence, and aligns
 * them to the source segments. English only, as Whisper's task is.
 */
export function whisperTranslator(options: WhisperTranslatorOptions): Translator {
  return {
    backend: 'whisper',
    async translate(segments, { target, signal, onProgress }) {
      if (target !== 'en') throw new TranslateLanguageUnsupportedError('whisper', target);
      signal?.throwIfAborted();
      const translated = toTranscript(options.heard, options.timeline, target);
      const aligned = alignToSegments(translated.segments.flatMap((segment) => segment.words), segments);
      onProgress?.(1);
      return aligned;
    },
  };
}
