import { z } from 'zod';

const seconds = z.number().nonnegative();

// A span that ends before it starts is a script's bug, not data.
const endsAfterStart = [(span: { start: number; end: number }) => span.end >= span.start, { message: 'end is before start' }] as const;

const wordSchema = z.strictObject({ text: z.string().min(1), start: seconds, end: seconds }).refine(...endsAfterStart);

/** What asr_* and align_whisperx write: segments of timed words, in seconds of the audio they were given. */
export const asrResultSchema = z.strictObject({
  /** ISO 639-1 code of the text (`en` for Whisper's translate task). */
  language: z.string().min(1),
  segments: z.array(
    z
      .strictObject({ start: seconds, end: seconds, text: z.string().min(1), words: z.array(wordSchema).min(1) })
      .refine(...endsAfterStart),
  ),
});

/** What diarize_pyannote writes: turns sorted by start, speakers named in order of first appearance. */
export const diarizeResultSchema = z.strictObject({
  turns: z.array(
    z.strictObject({ start: seconds, end: seconds, speaker: z.string().regex(/^SPEAKER_\d{2,}$/) }).refine(...endsAfterStart),
  ),
});

/** What translate_* write: the request's texts translated, same length and order (blank texts stay empty). */
export const translateResultSchema = z.strictObject({
  /** ISO 639-1 code of the target. */
  language: z.string().min(1),
  texts: z.array(z.string()),
});

/** What ner_transformers writes: each named entity found, by the index of its text and its character span there. */
export const nerResultSchema = z.strictObject({
  entities: z.array(
    z.strictObject({
      text: z.number().int().nonnegative(),
      word: z.string().min(1),
      /** The model's group: PER, LOC, ORG, MISC, … */
      group: z.string().min(1),
      score: z.number().min(0).max(1),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
    }),
  ),
});

/** One line a Python stage script writes to stderr: progress, a log line, or (last) the error it exits with. */
export const scriptEventSchema = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('progress'), fraction: z.number().min(0).max(1), message: z.string() }),
  z.strictObject({ event: z.literal('log'), message: z.string() }),
  z.strictObject({
    event: z.literal('error'),
    code: z.enum(['DEVICE_ERROR', 'MODEL_MISSING', 'BAD_REQUEST', 'BACKEND_MISSING', 'FAILED']),
    message: z.string(),
  }),
]);
export type ScriptEvent = z.infer<typeof scriptEventSchema>;
