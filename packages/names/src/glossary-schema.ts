import { z } from 'zod';

/** Where a glossary entry came from; an entry merged from several sources lists each. */
export const GlossarySourceSchema = z.enum(['tmdb', 'user', 'workspace', 'ner', 'edit']);
export type GlossarySource = z.infer<typeof GlossarySourceSchema>;

export const GlossaryKindSchema = z.enum(['person', 'character', 'place', 'song', 'organization', 'term', 'other']);
export type GlossaryKind = z.infer<typeof GlossaryKindSchema>;

/** One name of the film, in the form each script's text uses. */
export const GlossaryEntrySchema = z.object({
  /** The form used in Latin-script text (the English track): "Shah Rukh Khan". */
  latin: z.string().min(1),
  /** The form used in Hindi text: "शाहरुख़ ख़ान". */
  devanagari: z.string().min(1).optional(),
  kind: GlossaryKindSchema,
  /** Names are transliterated, never translated, unless a user says so. */
  translate: z.boolean().default(false),
  /** Other spellings in either script (TMDB also_known_as, user variants). */
  aliases: z.array(z.string()).default([]),
  sources: z.array(GlossarySourceSchema).default([]),
  /** E.g. "plays Amarkant Varma", or a user's remark. */
  note: z.string().optional(),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;

export const GlossaryFilmSchema = z.object({
  tmdbId: z.number().int().positive().optional(),
  title: z.string().optional(),
  originalTitle: z.string().optional(),
  year: z.number().int().optional(),
  synopsis: z.string().optional(),
});
export type GlossaryFilm = z.infer<typeof GlossaryFilmSchema>;

/** The job's glossary: `names/glossary.json`. */
export const GlossarySchema = z.object({
  version: z.literal(1),
  film: GlossaryFilmSchema.optional(),
  entries: z.array(GlossaryEntrySchema),
  /** Why a source was skipped or came back short (offline, no token, refused token, not found). */
  notes: z.array(z.string()).default([]),
});
export type Glossary = z.infer<typeof GlossarySchema>;
