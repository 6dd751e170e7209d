export {
  GlossaryEntrySchema,
  GlossaryFilmSchema,
  GlossaryKindSchema,
  GlossarySchema,
  GlossarySourceSchema,
  type Glossary,
  type GlossaryEntry,
  type GlossaryFilm,
  type GlossaryKind,
  type GlossarySource,
} from './glossary-schema';
export { asrPrompt, scriptOfLanguage, WHISPER_PROMPT_TOKENS, type AsrPromptOptions } from './asr-prompt';
export { buildGlossary, type BuildGlossaryOptions } from './build-glossary';
export { correctNames, type CorrectNamesOptions, type NameChange } from './correct/correct-names';
export { scoreCorrections, type ScoredLine } from './correct/score-corrections';
export { GlossaryFileError, GlossaryFileMissingError, GlossaryNotFoundError } from './errors';
export { fillScripts } from './fill-scripts';
export { readGlossaryFile } from './glossary-file/read-glossary-file';
export { glossaryEdits, GlossaryStateSchema, readJobGlossaryFile, type GlossaryEdits, type GlossaryState } from './job-glossary';
export { mergeGlossaries } from './merge-glossaries';
export { isDevanagari, isLatin, nameKey } from './name-key';
export { filmFromFileName, type FilmFromFileName } from './tmdb/film-from-file-name';
export { lookUpTmdbFilm, type TmdbFilmQuery, type TmdbLookup, type TmdbLookupOptions } from './tmdb/tmdb-film';
export { tmdbGlossary } from './tmdb/tmdb-glossary';
export type { TmdbFilmRecord } from './tmdb/tmdb-cache';
