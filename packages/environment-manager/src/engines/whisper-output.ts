import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { EngineOutputInvalidError } from './engine-errors';

/** Milliseconds from the start of the audio. */
const OffsetsSchema = z.object({ from: z.number().int(), to: z.number().int() });
/** The same instants as `HH:MM:SS,mmm` text. */
const TimestampsSchema = z.object({ from: z.string(), to: z.string() });
const DimensionsSchema = z.object({ ctx: z.number().int(), state: z.number().int(), head: z.number().int(), layer: z.number().int() });

export const WhisperTokenSchema = z.object({
  text: z.string(),
  /** Present when whisper.cpp timed the token (always with `--output-json-full`, except on special tokens it could not place). */
  timestamps: TimestampsSchema.optional(),
  offsets: OffsetsSchema.optional(),
  id: z.number().int(),
  /** The token's probability. */
  p: z.number(),
  /** DTW timestamp in centiseconds, -1 unless `--dtw` was given. */
  t_dtw: z.number(),
});

export const WhisperSegmentSchema = z.object({
  timestamps: TimestampsSchema,
  offsets: OffsetsSchema,
  text: z.string(),
  /** Present with `--output-json-full`; special tokens such as `[_TT_150]` (timestamps) are listed too. */
  tokens: z.array(WhisperTokenSchema).optional(),
});

/** What whisper-cli 1.9 writes with `--output-json-full` (`-ojf`). */
export const WhisperOutputSchema = z.object({
  systeminfo: z.string(),
  model: z.object({
    type: z.string(),
    multilingual: z.boolean(),
    vocab: z.number().int(),
    audio: DimensionsSchema,
    text: DimensionsSchema,
    mels: z.number().int(),
    ftype: z.number().int(),
  }),
  params: z.object({ model: z.string(), language: z.string(), translate: z.boolean() }),
  /** The spoken language whisper settled on (detected when `--language auto`). */
  result: z.object({ language: z.string() }),
  transcription: z.array(WhisperSegmentSchema),
});
export type WhisperOutput = z.infer<typeof WhisperOutputSchema>;

/**
 * whisper-cli escapes only quotes and backslashes in strings, so a token holding a newline or another
 * control byte would make the file invalid JSON: escape those inside strings, leave the layout alone.
 */
function escapeControlCharactersInStrings(json: string): string {
  return json.replace(/"(?:[^"\\]|\\[\s\S])*"/g, (literal) =>
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    literal.replace(/[\u0000-\u001f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/** Reads and validates whisper-cli's `--output-json-full` file. */
export async function readWhisperOutput(file: string): Promise<WhisperOutput> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new EngineOutputInvalidError(file, 'it cannot be read', error);
  });
  let json: unknown;
  try {
    json = JSON.parse(escapeControlCharactersInStrings(text));
  } catch (error) {
    throw new EngineOutputInvalidError(file, 'it is not JSON (cut off?)', error);
  }
  const parsed = WhisperOutputSchema.safeParse(json);
  if (!parsed.success) {
    throw new EngineOutputInvalidError(file, z.prettifyError(parsed.error), parsed.error);
  }
  return parsed.data;
}
