import type { TranscriptSegment } from '../asr/transcript';

/** A stretch of source speech to translate: a transcript segment, or a bare VAD span (no words) when nothing was transcribed. */
export interface SourceSegment {
  start: number;
  end: number;
  words: TranscriptSegment['words'];
  /** Who speaks, when diarization ran: the translation of the segment keeps it. */
  speaker?: string;
}

export interface TranslateOptions {
  /** ISO 639-1 code of the source (`auto` when it was not set). */
  source: string;
  /** ISO 639-1 code to translate into. */
  target: string;
  signal?: AbortSignal;
  /** Fraction done, 0–1. */
  onProgress?: (fraction: number) => void;
}

/**
 * Segments in, segments out: what a translation backend that works on segments implements (Whisper's
 * translate task). The result has at most one segment per source segment, within its times and with its
 * speaker, so the two languages' subtitles line up.
 */
export interface Translator {
  /** The backend, for logs and manifests (`whisper`, `indictrans2`, `nllb`). */
  readonly backend: string;
  translate(segments: readonly SourceSegment[], options: TranslateOptions): Promise<TranscriptSegment[]>;
}
