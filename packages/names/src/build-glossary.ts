import { fillScripts } from './fill-scripts';
import { readGlossaryFile } from './glossary-file/read-glossary-file';
import type { Glossary, GlossaryEntry } from './glossary-schema';
import { mergeGlossaries } from './merge-glossaries';
import { nameKey } from './name-key';
import { lookUpTmdbFilm, type TmdbFilmQuery, type TmdbLookupOptions } from './tmdb/tmdb-film';
import { tmdbGlossary } from './tmdb/tmdb-glossary';

export interface BuildGlossaryOptions {
  /** The job's glossary files (`--glossary`), the first winning over the later ones. */
  files?: readonly string[];
  /** The workspace-wide glossary (`<workspace>/glossary.yaml` or `.csv`), below the job's files. */
  workspaceFile?: string;
  /** The film on TMDB, lowest of the sources; absent: TMDB is not asked. */
  tmdb?: TmdbFilmQuery & TmdbLookupOptions;
  /** Names a user edited in the job's glossary: they win over every source (source `edit`). */
  edits?: readonly GlossaryEntry[];
  /** Latin forms of names a user deleted from the job's glossary: the sources' entries of that name are left out. */
  removed?: readonly string[];
}

/**
 * The job's glossary from its sources, merged by `mergeGlossaries` with this precedence: the user's edits
 * of the job's glossary > the job's `--glossary` files (in order) > the workspace glossary > TMDB. Every
 * name then gets both scripts (`fillScripts`). TMDB's problems come back as `notes`; a bad glossary file
 * throws GlossaryFileError (file, line, fix).
 */
export async function buildGlossary(options: BuildGlossaryOptions): Promise<Glossary> {
  const layers: Glossary[] = [{ version: 1, entries: [...(options.edits ?? [])], notes: [] }];
  for (const file of options.files ?? []) layers.push(await readGlossaryFile(file, 'user'));
  if (options.workspaceFile !== undefined) layers.push(await readGlossaryFile(options.workspaceFile, 'workspace'));
  if (options.tmdb !== undefined) {
    const { tmdbId, title, year, ...lookup } = options.tmdb;
    const found = await lookUpTmdbFilm({ ...(tmdbId === undefined ? {} : { tmdbId }), ...(title === undefined ? {} : { title }), ...(year === undefined ? {} : { year }) }, lookup);
    const fromTmdb = found.record === undefined ? undefined : tmdbGlossary(found.record);
    layers.push(fromTmdb === undefined ? { version: 1, entries: [], notes: found.notes } : { ...fromTmdb, notes: [...found.notes, ...fromTmdb.notes] });
  }
  const removed = new Set((options.removed ?? []).map(nameKey));
  const kept = layers.map((layer, index) => (index === 0 ? layer : { ...layer, entries: layer.entries.filter((entry) => !removed.has(nameKey(entry.latin))) }));
  return fillScripts(mergeGlossaries(kept));
}
