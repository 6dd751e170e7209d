import type { Glossary, GlossaryEntry, GlossaryFilm, GlossarySource } from './glossary-schema';
import { nameKey } from './name-key';

/** The order sources are listed in an entry, and (reversed) the order they win in. */
const SOURCE_ORDER: readonly GlossarySource[] = ['edit', 'user', 'workspace', 'ner', 'tmdb'];

const keysOf = (entry: GlossaryEntry): string[] =>
  [entry.latin, entry.devanagari].filter((name): name is string => name !== undefined).map(nameKey);

/** The aliases of `entry` that are neither its Latin nor its Devanagari form, each once (by key). */
function cleanAliases(entry: GlossaryEntry, aliases: readonly string[]): string[] {
  const seen = new Set(keysOf(entry));
  return aliases.filter((alias) => {
    const key = nameKey(alias);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `higher` over `lower`: the higher's forms, kind, translate and note win; aliases and sources are unioned. */
function mergeEntry(higher: GlossaryEntry, lower: GlossaryEntry): GlossaryEntry {
  const merged: GlossaryEntry = {
    ...lower,
    ...higher,
    devanagari: higher.devanagari ?? lower.devanagari,
    note: higher.note ?? lower.note,
    sources: SOURCE_ORDER.filter((source) => higher.sources.includes(source) || lower.sources.includes(source)),
    aliases: [],
  };
  if (merged.devanagari === undefined) delete merged.devanagari;
  if (merged.note === undefined) delete merged.note;
  // The lower's own forms stay findable as aliases when the higher spells the name otherwise.
  merged.aliases = cleanAliases(merged, [...higher.aliases, lower.latin, ...(lower.devanagari === undefined ? [] : [lower.devanagari]), ...lower.aliases]);
  return merged;
}

/**
 * One glossary from several, highest priority first (the job's own edits, then `--glossary` files in the
 * order given, then the workspace glossary, then TMDB). Two entries are the same name when their Latin or
 * Devanagari forms match by `nameKey` (case-, accent- and nukta-insensitive); the higher one's forms, kind,
 * translate flag and note win, a form it lacks is taken from the lower, aliases and sources are unioned.
 * The film facts are taken field by field from the first glossary that has them; notes are kept in order.
 */
export function mergeGlossaries(glossaries: readonly Glossary[]): Glossary {
  const entries: GlossaryEntry[] = [];
  const byKey = new Map<string, number>();
  for (const glossary of glossaries) {
    for (const entry of glossary.entries) {
      const index = keysOf(entry).map((key) => byKey.get(key)).find((found) => found !== undefined);
      const merged = index === undefined ? { ...entry, aliases: cleanAliases(entry, entry.aliases) } : mergeEntry(entries[index]!, entry);
      const at = index ?? entries.push(merged) - 1;
      entries[at] = merged;
      for (const key of keysOf(merged)) if (!byKey.has(key)) byKey.set(key, at);
    }
  }
  const film: GlossaryFilm = {};
  for (const glossary of [...glossaries].reverse()) Object.assign(film, definedFields(glossary.film ?? {}));
  return {
    version: 1,
    ...(Object.keys(film).length === 0 ? {} : { film }),
    entries,
    notes: glossaries.flatMap((glossary) => glossary.notes),
  };
}

const definedFields = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
