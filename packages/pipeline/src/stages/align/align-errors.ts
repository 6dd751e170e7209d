import { BollyxError } from '@bollyx/errors';

/** Word alignment has no model for the source language in the hub registry. */
export class AlignLanguageUnsupportedError extends BollyxError {
  constructor(language: string, supported: readonly string[]) {
    super('ALIGN_LANGUAGE_UNSUPPORTED', `No word-alignment model is registered for "${language}" (there are for ${supported.join(', ')})`, {
      hint: 'Run without --align: word times then come from the speech recognizer',
      details: { language, supported },
    });
  }
}
