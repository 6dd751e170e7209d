import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIL_SE, startLoopbackTmdb, type LoopbackTmdb } from '../../../../tools/test-tmdb';
import { lookUpTmdbFilm } from './tmdb-film';
import { tmdbGlossary } from './tmdb-glossary';

// A v4 read access token is a JWT; anything else is taken for a v3 API key.
const READ_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ0ZXN0In0.c2lnbmF0dXJl';
const API_KEY = '0123456789abcdef0123456789abcdef';

let tmdb: LoopbackTmdb;
let dir: string;
let run = 0;
const cacheDir = () => path.join(dir, `cache-${run}`);

beforeAll(async () => {
  tmdb = await startLoopbackTmdb([DIL_SE], { readToken: READ_TOKEN, apiKey: API_KEY });
  dir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-tmdb-'));
});
afterAll(async () => {
  await tmdb.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  run += 1;
  tmdb.requests.length = 0;
  tmdb.failWith(undefined);
});

describe('lookUpTmdbFilm', () => {
  it('finds the film by title and year with a read token, then keeps it so a second lookup sends nothing', async () => {
    const options = { token: READ_TOKEN, baseUrl: tmdb.url, cacheDir: cacheDir() };
    const found = await lookUpTmdbFilm({ title: 'Dil Se', year: 1998 }, options);
    expect(found.notes).toEqual([]);
    expect(tmdb.requests.map((request) => request.path)).toEqual([
      '/3/search/movie',
      '/3/movie/6691',
      '/3/movie/6691/credits',
      ...DIL_SE.cast.map((member) => `/3/person/${member.id}`),
    ]);
    expect(tmdb.requests[0]!.query).toMatchObject({ query: 'Dil Se', primary_release_year: '1998' });
    expect(tmdb.requests.every((request) => request.auth === 'bearer')).toBe(true);

    const glossary = tmdbGlossary(found.record!);
    expect(glossary.film).toMatchObject({ tmdbId: 6691, title: 'Dil Se..', originalTitle: 'दिल से..', year: 1998 });
    expect(glossary.film?.synopsis).toContain('radio journalist');
    expect(glossary.entries.map(({ latin, devanagari, kind }) => [latin, devanagari, kind])).toEqual([
      ['Dil Se', 'दिल से', 'other'],
      ['Shah Rukh Khan', 'शाहरुख़ ख़ान', 'person'],
      ['Amarkant Varma', undefined, 'character'],
      ['Manisha Koirala', 'मनीषा कोइराला', 'person'],
      ['Meghna', undefined, 'character'],
      ['Preity Zinta', 'प्रीति ज़िंटा', 'person'],
      ['Preeti Nair', undefined, 'character'],
    ]);
    // The Urdu spelling is dropped; Latin ones stay as aliases.
    expect(glossary.entries[1]).toMatchObject({ aliases: ['SRK', 'Shahrukh Khan'], note: 'plays Amarkant Varma', sources: ['tmdb'] });
    expect(glossary.entries[4]).toMatchObject({ aliases: ['Moina'], note: 'played by Manisha Koirala' });

    tmdb.requests.length = 0;
    const again = await lookUpTmdbFilm({ title: 'Dil Se', year: 1998 }, options);
    expect(again.record).toEqual(found.record);
    expect(tmdb.requests).toEqual([]);
    // Offline, the cached film is still used.
    expect((await lookUpTmdbFilm({ tmdbId: 6691 }, { ...options, offline: true })).record).toEqual(found.record);
  });

  it('sends a v3 key as api_key and finds the film by id', async () => {
    const found = await lookUpTmdbFilm({ tmdbId: 6691 }, { token: API_KEY, baseUrl: tmdb.url, cacheDir: cacheDir() });
    expect(found.record?.details.id).toBe(6691);
    expect(tmdb.requests[0]).toEqual({ path: '/3/movie/6691', query: {}, auth: 'api_key' });
  });

  it('asks nothing offline or without a token, and says why', async () => {
    const offline = await lookUpTmdbFilm({ title: 'Dil Se', year: 1998 }, { token: READ_TOKEN, baseUrl: tmdb.url, cacheDir: cacheDir(), offline: true });
    expect(offline).toEqual({ notes: ['TMDB skipped: offline (--offline or BOLLYX_OFFLINE)'] });
    const noToken = await lookUpTmdbFilm({ title: 'Dil Se', year: 1998 }, { baseUrl: tmdb.url, cacheDir: cacheDir() });
    expect(noToken.notes[0]).toMatch(/^TMDB skipped: no TMDB token \(set BOLLYX_TMDB_TOKEN/);
    expect(tmdb.requests).toEqual([]);
  });

  it('turns a refused token, rate limits, an unknown film and no server into notes without the token', async () => {
    const options = { token: API_KEY, baseUrl: tmdb.url, cacheDir: cacheDir() };
    tmdb.failWith(401);
    const refused = await lookUpTmdbFilm({ title: 'Dil Se', year: 1998 }, options);
    expect(refused.notes[0]).toMatch(/^TMDB refused the token \(HTTP 401 \(Invalid API key/);
    tmdb.failWith(429);
    expect((await lookUpTmdbFilm({ tmdbId: 6691 }, options)).notes[0]).toMatch(/^TMDB is rate-limiting requests \(HTTP 429/);
    tmdb.failWith(undefined);
    expect((await lookUpTmdbFilm({ tmdbId: 999 }, options)).notes[0]).toMatch(/^TMDB has no movie 999 \(HTTP 404/);
    expect((await lookUpTmdbFilm({ title: 'Nonexistent Film', year: 2001 }, options)).notes[0]).toMatch(/^TMDB found no film "Nonexistent Film" \(2001\)/);
    const gone = await startLoopbackTmdb([]);
    await gone.close();
    const down = await lookUpTmdbFilm({ tmdbId: 6691 }, { ...options, baseUrl: gone.url });
    expect(down.notes[0]).toMatch(/^TMDB could not be reached \(ECONNREFUSED\)/);
    // Nothing failed was cached: the next lookup asks again.
    expect((await lookUpTmdbFilm({ tmdbId: 6691 }, options)).record?.details.id).toBe(6691);
    const allNotes = JSON.stringify([refused]);
    expect(allNotes).not.toContain(API_KEY);
  });
});
