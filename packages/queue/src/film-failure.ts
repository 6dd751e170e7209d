import { isBollyxError } from '@bollyx/errors';
import type { FilmJobFailure } from './film-job';

/** A run's error as a job's failed reason: the error's code and hint, the stage that failed, and who ran it. */
export function filmFailure(error: unknown, stage: string | undefined, worker: string): FilmJobFailure {
  const base = isBollyxError(error)
    ? { code: error.code, message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) }
    : { code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) };
  return { ...base, ...(stage === undefined ? {} : { stage }), worker };
}

/** The failed reason of a film cancelled on request (`cancelJob`), in the stage it was in. */
export function cancelledFailure(id: string, stage: string | undefined, worker: string): FilmJobFailure {
  return {
    code: 'CANCELLED',
    message: `Job ${id} was cancelled on request`,
    hint: `Put it back with \`bollyx queue retry ${id}\` (retryJob)`,
    ...(stage === undefined ? {} : { stage }),
    worker,
  };
}
