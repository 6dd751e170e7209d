import { z } from 'zod';
import { SubtitlesInputError } from './errors';

/** Parses `value` with `schema`, or throws SubtitlesInputError naming what is wrong and where. */
export function validate<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string, hint: string): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new SubtitlesInputError(`Invalid ${what}:\n${z.prettifyError(result.error)}`, hint);
  return result.data;
}
