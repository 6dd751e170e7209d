import { BollyxError } from '@bollyx/errors';

const WHISPER_ENGLISH_ONLY = {
  reason: "Whisper's translate task writes English only",
  hint: 'Use -t en, or set translation.backend to nllb or indictrans2 for other languages',
};

/** The configured translation backend cannot translate into the language asked for. */
export class TranslateLanguageUnsupportedError extends BollyxError {
  constructor(backend: string, target: string, why: { reason: string; hint: string } = WHISPER_ENGLISH_ONLY) {
    super('TRANSLATE_LANGUAGE_UNSUPPORTED', `The ${backend} translator cannot translate into "${target}": ${why.reason}`, {
      hint: why.hint,
      details: { backend, target },
    });
  }
}

/** A text translator answered with a different number of texts than it was given. */
export class TranslateResultInvalidError extends BollyxError {
  constructor(backend: string, target: string, expected: number, got: number) {
    super('TRANSLATE_RESULT_INVALID', `The ${backend} translator gave ${got} texts in ${target} for ${expected} source segments`, {
      hint: `Run again with --from translate-${target}; if it happens again, report it with the stage's log (logs/translate-${target}.log)`,
      details: { backend, target, expected, got },
    });
  }
}
