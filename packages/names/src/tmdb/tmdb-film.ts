import { TmdbCache, type TmdbFilmRecord } from './tmdb-cache';
import { tmdbGet, TmdbRequestFailure, type TmdbConnection } from './tmdb-request';
import { TmdbCreditsSchema, TmdbMovieDetailsSchema, TmdbPersonSchema, TmdbSearchMovieSchema, type TmdbPerson } from './tmdb-responses';

export interface TmdbFilmQuery {
  /** The film's TMDB id; else it is searched by title (and year). */
  tmdbId?: number;
  title?: string;
  year?: number;
}

export interface TmdbLookupOptions {
  /** The API read access token or v3 API key; without one nothing is requested. */
  token?: string;
  /** Default https://api.themoviedb.org (BOLLYX_TMDB_URL). */
  baseUrl?: string;
  /** Where answers are kept per film, so a re-run or another job of the same film sends nothing. */
  cacheDir: string;
  /** Request nothing; a cached film is still used. */
  offline?: boolean;
  /** How many billed cast members are kept (default 30). */
  castLimit?: number;
  signal?: AbortSignal;
}

export type TmdbLookup = { record: TmdbFilmRecord; notes: string[] } | { record?: undefined; notes: string[] };

const PEOPLE_AT_ONCE = 4;

const TOKEN_HELP = 'set BOLLYX_TMDB_TOKEN to a TMDB API read access token (or v3 API key), or save it as "tmdbToken" in bollyx’s secrets.json';

function failureNote(failure: TmdbRequestFailure, what: string): string {
  switch (failure.reason) {
    case 'refused':
      return `TMDB refused the token (${failure.detail}) while fetching ${what}: check BOLLYX_TMDB_TOKEN; the glossary has no TMDB names`;
    case 'not-found':
      return `TMDB has no ${what} (${failure.detail}): check --tmdb-id; the glossary has no TMDB names`;
    case 'rate-limited':
      return `TMDB is rate-limiting requests (${failure.detail}) while fetching ${what}: run again later to add its names`;
    case 'unreachable':
      return `TMDB could not be reached (${failure.detail}) while fetching ${what}: run again when online to add its names`;
    default:
      return `TMDB failed (${failure.detail}) while fetching ${what}: the glossary has no TMDB names`;
  }
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function fetchRecord(connection: TmdbConnection, id: number, castLimit: number): Promise<TmdbFilmRecord> {
  const details = await tmdbGet(connection, `/movie/${id}`, {}, TmdbMovieDetailsSchema);
  const credits = await tmdbGet(connection, `/movie/${id}/credits`, {}, TmdbCreditsSchema);
  const cast = [...credits.cast].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity)).slice(0, castLimit);
  const people: TmdbPerson[] = await mapLimited(cast, PEOPLE_AT_ONCE, (member) => tmdbGet(connection, `/person/${member.id}`, {}, TmdbPersonSchema));
  return { details, credits: { ...credits, cast }, people };
}

async function searchFilm(connection: TmdbConnection, title: string, year: number | undefined): Promise<number | null> {
  // The primary release year first, then any release that year (a festival or foreign date), then no year.
  const attempts: Array<Record<string, string>> = year === undefined ? [{}] : [{ primary_release_year: String(year) }, { year: String(year) }];
  for (const filter of attempts) {
    const found = await tmdbGet(connection, '/search/movie', { query: title, include_adult: 'false', ...filter }, TmdbSearchMovieSchema);
    if (found.results[0] !== undefined) return found.results[0].id;
  }
  return null;
}

/**
 * The film's TMDB record: from the cache when it is there, else (with a token, not offline) from TMDB's
 * API: `search/movie` when no id is given, then `movie/{id}`, `movie/{id}/credits` and `person/{id}` for
 * the billed cast. Never throws for TMDB's sake: what went wrong (offline, no token, a refused token,
 * not found, rate limits, no network) comes back as notes. Only a complete record is cached.
 */
export async function lookUpTmdbFilm(query: TmdbFilmQuery, options: TmdbLookupOptions): Promise<TmdbLookup> {
  const cache = new TmdbCache(options.cacheDir);
  const why = options.offline ? 'offline (--offline or BOLLYX_OFFLINE)' : options.token === undefined ? `no TMDB token (${TOKEN_HELP})` : undefined;
  const connection: TmdbConnection | undefined =
    why === undefined ? { token: options.token!, baseUrl: options.baseUrl ?? 'https://api.themoviedb.org', ...(options.signal === undefined ? {} : { signal: options.signal }) } : undefined;
  const what = query.tmdbId !== undefined ? `movie ${query.tmdbId}` : `"${query.title}"${query.year === undefined ? '' : ` (${query.year})`}`;
  if (query.tmdbId === undefined && query.title === undefined) return { notes: ['TMDB skipped: no --tmdb-id and no title in the file name'] };
  try {
    let id = query.tmdbId ?? (await cache.searched(query.title!, query.year));
    if (id === undefined) {
      if (connection === undefined) return { notes: [`TMDB skipped: ${why}`] };
      id = await searchFilm(connection, query.title!, query.year);
      // A miss is not kept: the film may be added to TMDB later.
      if (id !== null) await cache.saveSearch(query.title!, query.year, id);
    }
    if (id === null) return { notes: [`TMDB found no film ${what}: pass --tmdb-id to name it`] };
    const cached = await cache.film(id);
    if (cached !== undefined) return { record: cached, notes: [] };
    if (connection === undefined) return { notes: [`TMDB skipped: ${why}`] };
    const record = await fetchRecord(connection, id, options.castLimit ?? 30);
    await cache.saveFilm(id, record);
    return { record, notes: [] };
  } catch (error) {
    if (error instanceof TmdbRequestFailure) return { notes: [failureNote(error, what)] };
    throw error;
  }
}
