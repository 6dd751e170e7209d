import os from 'node:os';
import path from 'node:path';
import { isBollyxError } from '@bollyx/errors';
import { subtitleMovie } from '@bollyx/pipeline';

/** A film that is not there: the error says so with a stable `code` to switch on and a `hint` that names the fix. */
export async function showMissingFilm(): Promise<void> {
  const missing = path.join(os.tmpdir(), 'bollyx-example-no-such-film.mp4');
  try {
    await subtitleMovie(missing, { sourceLanguage: 'hi', targetLanguages: ['en'] });
  } catch (error) {
    if (!isBollyxError(error) || error.code !== 'MEDIA_NOT_FOUND' || !error.hint) throw error;
    console.log(`${error.code}: ${error.message} (fix: ${error.hint})`);
    return;
  }
  throw new Error(`subtitleMovie found a film at ${missing}`);
}
