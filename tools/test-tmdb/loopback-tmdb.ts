import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TmdbCastFixture {
  id: number;
  name: string;
  character: string;
  order: number;
  gender: number;
  /** `person/{id}`'s `also_known_as`. */
  also_known_as: string[];
}

export interface TmdbFilmFixture {
  /** `movie/{id}`'s answer, as TMDB gives it. */
  details: Record<string, unknown> & { id: number; title: string; original_title: string; release_date: string };
  cast: TmdbCastFixture[];
}

export interface LoopbackTmdbOptions {
  /** The v4 read access token accepted as `Authorization: Bearer …`. */
  readToken?: string;
  /** The v3 API key accepted as `?api_key=…`. */
  apiKey?: string;
}

export interface LoopbackTmdb {
  /** The base URL (no trailing slash): what BOLLYX_TMDB_URL is set to. */
  url: string;
  /** Every request: its path, its query without `api_key`, and how it authenticated. */
  requests: { path: string; query: Record<string, string>; auth: 'bearer' | 'api_key' | 'none' }[];
  /** From now on answer every request with this failure (TMDB's own status codes and messages), or normally. */
  failWith(status: 401 | 429 | undefined): void;
  close(): Promise<void>;
}

// TMDB's error envelope and codes: https://developer.themoviedb.org/docs/errors
const ERRORS = {
  401: { success: false, status_code: 7, status_message: 'Invalid API key: You must be granted a valid key.' },
  404: { success: false, status_code: 34, status_message: 'The resource you requested could not be found.' },
  429: { success: false, status_code: 25, status_message: 'Your request count (#) is over the allowed limit of (40).' },
} as const;

const searchKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function searchResult(film: TmdbFilmFixture): Record<string, unknown> {
  const { details } = film;
  return {
    adult: false,
    backdrop_path: details.backdrop_path ?? null,
    genre_ids: ((details.genres as { id: number }[] | undefined) ?? []).map((genre) => genre.id),
    id: details.id,
    original_language: details.original_language,
    original_title: details.original_title,
    overview: details.overview,
    popularity: details.popularity,
    poster_path: details.poster_path ?? null,
    release_date: details.release_date,
    title: details.title,
    video: false,
    vote_average: details.vote_average,
    vote_count: details.vote_count,
  };
}

/**
 * A real HTTP server on 127.0.0.1 answering TMDB's v3 endpoints for the given films, with the response
 * shapes of TMDB's API reference: `GET /3/search/movie` (query, year, primary_release_year),
 * `/3/movie/{id}`, `/3/movie/{id}/credits` and `/3/person/{id}`. A request without the read token
 * (Bearer) or the API key (`api_key`) gets TMDB's 401; unknown ids its 404. For tests.
 */
export async function startLoopbackTmdb(films: TmdbFilmFixture[], options: LoopbackTmdbOptions = {}): Promise<LoopbackTmdb> {
  const requests: LoopbackTmdb['requests'] = [];
  let failure: 401 | 429 | undefined;
  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers }).end(JSON.stringify(body));
  };
  const people = new Map(films.flatMap((film) => film.cast.map((member) => [member.id, member] as const)));
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://loopback');
    const query = Object.fromEntries([...url.searchParams].filter(([name]) => name !== 'api_key'));
    const bearer = request.headers.authorization;
    const auth = bearer !== undefined ? 'bearer' : url.searchParams.has('api_key') ? 'api_key' : 'none';
    requests.push({ path: url.pathname, query, auth });
    const authorized = (options.readToken !== undefined && bearer === `Bearer ${options.readToken}`) || (options.apiKey !== undefined && url.searchParams.get('api_key') === options.apiKey);
    if (failure === 401 || !authorized) return send(response, 401, ERRORS[401]);
    if (failure === 429) return send(response, 429, ERRORS[429], { 'retry-after': '10' });

    let match: RegExpExecArray | null;
    if (url.pathname === '/3/search/movie') {
      const wanted = searchKey(url.searchParams.get('query') ?? '');
      const year = url.searchParams.get('primary_release_year') ?? url.searchParams.get('year');
      const results = films
        .filter((film) => wanted !== '' && searchKey(`${film.details.title} ${film.details.original_title}`).includes(wanted))
        .filter((film) => year === null || film.details.release_date.startsWith(year))
        .map(searchResult);
      return send(response, 200, { page: 1, results, total_pages: results.length === 0 ? 0 : 1, total_results: results.length });
    }
    if ((match = /^\/3\/movie\/(\d+)(\/credits)?$/.exec(url.pathname)) !== null) {
      const film = films.find((candidate) => candidate.details.id === Number(match![1]));
      if (film === undefined) return send(response, 404, ERRORS[404]);
      if (match[2] === undefined) return send(response, 200, film.details);
      const cast = film.cast.map((member, index) => ({
        adult: false,
        gender: member.gender,
        id: member.id,
        known_for_department: 'Acting',
        name: member.name,
        original_name: member.name,
        popularity: 10,
        profile_path: null,
        cast_id: index + 1,
        character: member.character,
        credit_id: `52fe4${String(member.id).padStart(8, '0')}`,
        order: member.order,
      }));
      return send(response, 200, { id: film.details.id, cast, crew: [] });
    }
    if ((match = /^\/3\/person\/(\d+)$/.exec(url.pathname)) !== null) {
      const person = people.get(Number(match[1]));
      if (person === undefined) return send(response, 404, ERRORS[404]);
      return send(response, 200, {
        adult: false,
        also_known_as: person.also_known_as,
        biography: '',
        birthday: null,
        deathday: null,
        gender: person.gender,
        homepage: null,
        id: person.id,
        imdb_id: null,
        known_for_department: 'Acting',
        name: person.name,
        place_of_birth: null,
        popularity: 10,
        profile_path: null,
      });
    }
    return send(response, 404, ERRORS[404]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failWith: (status) => {
      failure = status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
