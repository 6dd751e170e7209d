import { z } from 'zod';

export const speechSegmentSchema = z.object({
  /** Seconds from the start of the audio. */
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
});

export type SpeechSegment = z.infer<typeof speechSegmentSchema>;

/** The Silero post-processing settings, as the job config's `vad` section holds them. */
export const vadParametersSchema = z
  .object({
    /** Speech starts when a window's probability reaches this. */
    threshold: z.number().gt(0).lt(1).default(0.5),
    /** Speech ends when probability stays below this (default threshold − 0.15, at least 0.01). */
    negThreshold: z.number().gt(0).lt(1).optional(),
    /** Segments shorter than this are dropped. */
    minSpeechMs: z.number().nonnegative().default(250),
    /** A pause must last this long to end a segment. */
    minSilenceMs: z.number().nonnegative().default(100),
    /** Added on both sides of each segment (split evenly when neighbours are closer than twice this). */
    speechPadMs: z.number().nonnegative().default(30),
  })
  .refine((value) => value.negThreshold === undefined || value.negThreshold <= value.threshold, {
    message: 'negThreshold must not exceed threshold',
    path: ['negThreshold'],
  });

export type VadParameters = z.input<typeof vadParametersSchema>;
type ResolvedVadParameters = z.output<typeof vadParametersSchema>;

interface SampleSpan {
  start: number;
  end: number;
}

/**
 * Silero's `get_speech_timestamps` decision rules, fed one window probability at a time so audio of any
 * length streams through: trigger at `threshold`, end after `minSilenceMs` below `negThreshold`, drop
 * segments under `minSpeechMs`, then pad.
 */
export class SpeechSegmenter {
  private readonly threshold: number;
  private readonly negThreshold: number;
  private readonly minSpeechSamples: number;
  private readonly minSilenceSamples: number;
  private readonly padSamples: number;
  private readonly spans: SampleSpan[] = [];
  private speechStart: number | undefined;
  private silenceStart = 0;

  constructor(
    parameters: ResolvedVadParameters,
    private readonly sampleRate: number,
    private readonly windowSamples: number,
  ) {
    this.threshold = parameters.threshold;
    this.negThreshold = parameters.negThreshold ?? Math.max(parameters.threshold - 0.15, 0.01);
    this.minSpeechSamples = (sampleRate * parameters.minSpeechMs) / 1000;
    this.minSilenceSamples = (sampleRate * parameters.minSilenceMs) / 1000;
    this.padSamples = Math.floor((sampleRate * parameters.speechPadMs) / 1000);
  }

  /** Takes the probability of window number `index` (windows are contiguous from sample 0). */
  push(index: number, probability: number): void {
    const sample = index * this.windowSamples;
    if (probability >= this.threshold) {
      this.silenceStart = 0;
      this.speechStart ??= sample;
      return;
    }
    if (this.speechStart === undefined || probability >= this.negThreshold) return;
    if (this.silenceStart === 0) this.silenceStart = sample;
    if (sample - this.silenceStart < this.minSilenceSamples) return;
    this.close(this.silenceStart);
  }

  /** Closes an open segment at the end of the audio and returns the padded segments in seconds. */
  finish(totalSamples: number): SpeechSegment[] {
    if (this.speechStart !== undefined) this.close(totalSamples);
    const { spans, padSamples } = this;
    spans.forEach((span, index) => {
      if (index === 0) span.start = Math.max(0, span.start - padSamples);
      const next = spans[index + 1];
      if (next === undefined) {
        span.end = Math.min(totalSamples, span.end + padSamples);
        return;
      }
      // Neighbours closer than two pads share the gap instead of overlapping.
      const gap = next.start - span.end;
      const pad = gap < 2 * padSamples ? Math.floor(gap / 2) : padSamples;
      span.end += pad;
      next.start = Math.max(0, next.start - pad);
    });
    return spans.map((span) => ({ start: this.seconds(span.start), end: this.seconds(span.end) }));
  }

  private close(end: number): void {
    const start = this.speechStart as number;
    if (end - start > this.minSpeechSamples) this.spans.push({ start, end });
    this.speechStart = undefined;
    this.silenceStart = 0;
  }

  private seconds(samples: number): number {
    return Math.round((samples / this.sampleRate) * 1000) / 1000;
  }
}
