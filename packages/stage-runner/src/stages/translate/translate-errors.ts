import { BollyxError } from '@bollyx/errors';

/** The configured translation backend cannot translate into the language asked for. */
export class TranslateLanguageUnsupportedError extends BollyxError {
  constructor(backend: string, target: string) {
    super('TRANSLATE_LANGUAGE_UNSUPPORTED', `The ${backend} translator cannot translate into "${target}": Whisper's translate task writes English only`, {
      hint: 'Use -t en, or set translation.backend to nllb or indictrans2 for other languages',
      details: { backend, target },
    });
  }
}

/** The configured translation backend has no runtime in this build of bollyx yet. */
export class TranslateBackendUnavailableError extends BollyxError {
  constructor(backend: string) {
    super('TRANSLATE_BACKEND_UNAVAILABLE', `The ${backend} translator is not available in this version of bollyx`, {
      hint: 'Run with translation.backend whisper (BOLLYX_TRANSLATION_BACKEND=whisper), which translates into English',
      details: { backend },
    });
  }
}
