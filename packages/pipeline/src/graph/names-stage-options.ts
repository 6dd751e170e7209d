import { z } from 'zod';

/** What the names stage needs besides the job's config: where its sources are, and TMDB's settings. */
export const namesStageOptionsSchema = z.object({
  /** The film's own file name (the job's source), whose title and year find it on TMDB. */
  sourceName: z.string().min(1).optional(),
  /** The workspace-wide glossary (`<workspace>/glossary.yaml`, `.yml` or `.csv`), when there is one. */
  workspaceGlossary: z.string().min(1).optional(),
  /** TMDB's read access token or v3 API key: never a param, never logged; its presence is part of the cache key. */
  tmdbToken: z.string().min(1).optional(),
  /** TMDB's base URL (BOLLYX_TMDB_URL); default https://api.themoviedb.org. */
  tmdbUrl: z.string().url().optional(),
  /** Where TMDB's answers are kept per film (the model cache's `tmdb/`). */
  tmdbCacheDir: z.string().min(1),
  /** Ask TMDB nothing (a film already cached is still used). */
  offline: z.boolean().default(false),
});
export type NamesStageOptions = z.input<typeof namesStageOptionsSchema>;
