import { z } from 'zod';
import { GlossaryKindSchema, type GlossaryEntry, type GlossarySource } from '../glossary-schema';

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);

const yesNo = z.union([
  z.boolean(),
  z
    .string()
    .transform((text) => text.trim().toLowerCase())
    .refine((text) => YES.has(text) || NO.has(text), 'yes or no')
    .transform((text) => YES.has(text)),
]);

const optionalText = z
  .string()
  .transform((text) => text.trim())
  .optional()
  .transform((text) => (text === '' ? undefined : text));

/** One name as a user writes it in a YAML or CSV glossary; `term` is another word for `latin`. */
export const GlossaryFileEntrySchema = z
  .strictObject({
    latin: optionalText,
    term: optionalText,
    devanagari: optionalText,
    kind: z.preprocess((value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value), GlossaryKindSchema.default('other')),
    translate: yesNo.default(false),
    // In CSV a cell: spellings separated by ; or |.
    aliases: z
      .union([z.array(z.string()), z.string().transform((text) => text.split(/[;|]/))])
      .default([])
      .transform((aliases) => aliases.map((alias) => alias.trim()).filter((alias) => alias !== '')),
    note: optionalText,
  })
  .refine((entry) => entry.latin !== undefined || entry.term !== undefined || entry.devanagari !== undefined, {
    message: 'a name needs latin (or term) or devanagari',
  });

/** The glossary entry of a file's entry; a missing script is filled later (`fillScripts`). */
export function glossaryEntryOf(entry: z.output<typeof GlossaryFileEntrySchema>, source: GlossarySource): GlossaryEntry {
  const latin = entry.latin ?? entry.term ?? '';
  return {
    latin,
    ...(entry.devanagari === undefined ? {} : { devanagari: entry.devanagari }),
    kind: entry.kind,
    translate: entry.translate,
    aliases: entry.aliases,
    sources: [source],
    ...(entry.note === undefined ? {} : { note: entry.note }),
  };
}

export const GLOSSARY_COLUMNS = ['latin', 'term', 'devanagari', 'kind', 'translate', 'aliases', 'note'] as const;
