import type { TmdbFilmFixture } from './loopback-tmdb';

/**
 * Dil Se.. (1998) as TMDB's v3 API describes it, trimmed to the billed leads. The id is the one the
 * issue names; it could not be checked against TMDB from this (offline) machine, and the tests depend
 * only on the fixture agreeing with itself. The synopsis is our own words.
 */
export const DIL_SE: TmdbFilmFixture = {
  details: {
    adult: false,
    backdrop_path: null,
    belongs_to_collection: null,
    budget: 0,
    genres: [
      { id: 18, name: 'Drama' },
      { id: 10749, name: 'Romance' },
      { id: 53, name: 'Thriller' },
    ],
    homepage: '',
    id: 6691,
    imdb_id: 'tt0164538',
    origin_country: ['IN'],
    original_language: 'hi',
    original_title: 'दिल से..',
    overview: 'A radio journalist sent to cover the north-east falls for a mysterious woman he meets at a railway station, and follows her into a world of insurgency.',
    popularity: 7.5,
    poster_path: null,
    production_companies: [{ id: 1, logo_path: null, name: 'Madras Talkies', origin_country: 'IN' }],
    production_countries: [{ iso_3166_1: 'IN', name: 'India' }],
    release_date: '1998-08-21',
    revenue: 0,
    runtime: 163,
    spoken_languages: [{ english_name: 'Hindi', iso_639_1: 'hi', name: 'हिन्दी' }],
    status: 'Released',
    tagline: '',
    title: 'Dil Se..',
    video: false,
    vote_average: 7.0,
    vote_count: 200,
  },
  cast: [
    { id: 35742, name: 'Shah Rukh Khan', character: 'Amarkant Varma', order: 0, gender: 2, also_known_as: ['शाहरुख़ ख़ान', 'SRK', 'Shahrukh Khan', 'شاہ رخ خان'] },
    { id: 35776, name: 'Manisha Koirala', character: 'Meghna / Moina', order: 1, gender: 1, also_known_as: ['मनीषा कोइराला'] },
    { id: 35779, name: 'Preity Zinta', character: 'Preeti Nair', order: 2, gender: 1, also_known_as: ['प्रीति ज़िंटा', 'Preity G Zinta'] },
  ],
};
