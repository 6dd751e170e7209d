import type { Glossary, GlossaryEntry } from '../glossary-schema';
import { isDevanagari, isLatin, nameKey } from '../name-key';
import type { TmdbFilmRecord } from './tmdb-cache';

/** Roles that are no name ("Himself", "Narrator (voice)"). */
const NOT_A_NAME = /^(him|her|them)?self$|^narrator$|^cameo$|^guest$/i;

/** "Meghna (Moina) / Moina" → ["Meghna", "Moina"]: the names a character is credited under, first the main one. */
function characterNames(character: string): string[] {
  const names = character
    .replace(/\((uncredited|voice|as [^)]*)\)/gi, '')
    .split(/\s*\/\s*|\s*[()]\s*/)
    .map((name) => name.trim().replace(/\.+$/, ''))
    .filter((name) => name !== '' && !NOT_A_NAME.test(name) && !/['’]s\b/.test(name));
  return [...new Map(names.map((name) => [nameKey(name), name])).values()];
}

const releaseYear = (date: string | undefined) => (date !== undefined && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : undefined);

/**
 * The glossary of a film's TMDB record: the film's title, each billed actor (their Devanagari name from
 * `also_known_as` where TMDB has one, other Latin and Devanagari spellings as aliases) and each character
 * they play, in billing order, all from source `tmdb`; the film's facts (id, titles, year, synopsis).
 */
export function tmdbGlossary(record: TmdbFilmRecord): Glossary {
  const { details, credits, people } = record;
  const personOf = new Map(people.map((person) => [person.id, person]));
  const entries: GlossaryEntry[] = [];
  const title = details.title.replace(/\.+$/, '');
  const originalTitle = details.original_title?.replace(/\.+$/, '');
  entries.push({
    latin: title,
    ...(originalTitle !== undefined && isDevanagari(originalTitle) ? { devanagari: originalTitle } : {}),
    kind: 'other',
    translate: false,
    aliases: originalTitle !== undefined && isLatin(originalTitle) && originalTitle !== title ? [originalTitle] : [],
    sources: ['tmdb'],
    note: 'the film’s title',
  });
  for (const member of credits.cast) {
    const others = [...(personOf.get(member.id)?.also_known_as ?? []), ...(member.original_name === undefined ? [] : [member.original_name])];
    const devanagari = others.find(isDevanagari);
    const characters = member.character ? characterNames(member.character) : [];
    entries.push({
      latin: member.name,
      ...(devanagari === undefined ? {} : { devanagari }),
      kind: 'person',
      translate: false,
      // Names in other scripts (Urdu, Tamil…) are no use to Hindi or English text.
      aliases: [...new Set(others.filter((name) => name !== devanagari && nameKey(name) !== nameKey(member.name) && (isLatin(name) || isDevanagari(name))))],
      sources: ['tmdb'],
      ...(characters.length === 0 ? {} : { note: `plays ${characters.join(' / ')}` }),
    });
    const [character, ...aliases] = characters;
    if (character !== undefined) {
      entries.push({ latin: character, kind: 'character', translate: false, aliases, sources: ['tmdb'], note: `played by ${member.name}` });
    }
  }
  const year = releaseYear(details.release_date);
  return {
    version: 1,
    film: {
      tmdbId: details.id,
      title: details.title,
      ...(details.original_title === undefined ? {} : { originalTitle: details.original_title }),
      ...(year === undefined ? {} : { year }),
      ...(details.overview ? { synopsis: details.overview } : {}),
    },
    entries,
    notes: ['TMDB lists no song titles or filming places: add them with a glossary file (--glossary)'],
  };
}
