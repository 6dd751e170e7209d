import { z } from 'zod';

// The fields bollyx reads of TMDB's v3 responses (https://developer.themoviedb.org/reference); others are kept.

/** `GET /3/search/movie`. */
export const TmdbSearchMovieSchema = z.looseObject({
  page: z.number(),
  results: z.array(
    z.looseObject({
      id: z.number().int(),
      title: z.string(),
      original_title: z.string().optional(),
      release_date: z.string().optional(),
      popularity: z.number().optional(),
    }),
  ),
  total_results: z.number(),
});

/** `GET /3/movie/{movie_id}`. */
export const TmdbMovieDetailsSchema = z.looseObject({
  id: z.number().int(),
  title: z.string(),
  original_title: z.string().optional(),
  original_language: z.string().optional(),
  overview: z.string().nullish(),
  release_date: z.string().optional(),
});
export type TmdbMovieDetails = z.infer<typeof TmdbMovieDetailsSchema>;

/** `GET /3/movie/{movie_id}/credits`: cast billed by `order`. */
export const TmdbCreditsSchema = z.looseObject({
  id: z.number().int(),
  cast: z.array(
    z.looseObject({
      id: z.number().int(),
      name: z.string(),
      original_name: z.string().optional(),
      character: z.string().nullish(),
      order: z.number().int().optional(),
      known_for_department: z.string().nullish(),
    }),
  ),
});
export type TmdbCredits = z.infer<typeof TmdbCreditsSchema>;

/** `GET /3/person/{person_id}`: `also_known_as` often holds the name in the person's own script. */
export const TmdbPersonSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  also_known_as: z.array(z.string()).default([]),
});
export type TmdbPerson = z.infer<typeof TmdbPersonSchema>;

/** An error answer: `{ success: false, status_code: 7, status_message: "Invalid API key: …" }`. */
export const TmdbErrorSchema = z.looseObject({ status_code: z.number().optional(), status_message: z.string().optional() });
