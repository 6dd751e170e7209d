import type { MovieRunEvent } from '../run/movie-events';
import type { BatchFilm } from './batch-summary';

/** A film starts: its job is being found or made, then it runs. */
export interface FilmStartEvent {
  type: 'film-start';
  file: string;
}

/** One of a running film's own events (engine build, model progress, warnings, stages), tagged with the film. */
export interface FilmRunEvent {
  type: 'film-event';
  file: string;
  event: MovieRunEvent;
}

/** A film's result, as the summary lists it: also sent for media that ffprobe rejected and films a cancel kept from starting. */
export interface FilmFinishEvent {
  type: 'film-finish';
  film: BatchFilm;
}

export type BatchEvent = FilmStartEvent | FilmRunEvent | FilmFinishEvent;
