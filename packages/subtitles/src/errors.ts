import { BollyxError } from '@bollyx/errors';
import type { LintViolation } from './schemas';

/** Segments, options, cues or a preset handed to the library do not fit their schema. */
export class SubtitlesInputError extends BollyxError {
  constructor(message: string, hint: string) {
    super('SUBTITLES_INPUT_INVALID', message, { hint });
  }
}

export class UnknownPresetError extends BollyxError {
  constructor(name: string, known: readonly string[]) {
    super('SUBTITLES_PRESET_UNKNOWN', `There is no subtitle preset named "${name}"`, {
      hint: `Pick one of: ${known.join(', ')} (e.g. --preset ${known[0] ?? ''})`,
      details: { preset: name, known },
    });
  }
}

/** Text that is not valid SRT, WebVTT, TTML or ASS; `line` is 1-based where one is to blame. */
export class SubtitleParseError extends BollyxError {
  readonly line: number | undefined;

  constructor(message: string, options: { line?: number; hint: string; file?: string; cause?: unknown }) {
    super('SUBTITLES_UNPARSEABLE', message, {
      hint: options.hint,
      cause: options.cause,
      details: { ...(options.file === undefined ? {} : { file: options.file }), ...(options.line === undefined ? {} : { line: options.line }) },
    });
    this.line = options.line;
  }
}

export class SubtitleFileError extends BollyxError {
  constructor(file: string, cause: unknown) {
    const reason = (cause as NodeJS.ErrnoException | undefined)?.code;
    const what =
      reason === 'ENOENT' ? 'does not exist' : reason === 'EISDIR' ? 'is a folder' : reason === 'EACCES' ? 'cannot be read (permission denied)' : 'cannot be read';
    super('SUBTITLES_FILE_UNREADABLE', `${file} ${what}`, {
      hint: 'Check the path and pass an .srt, .vtt, .ttml or .ass file, e.g. `bollyx subtitles lint movie.en.srt`',
      cause,
      details: { file, ...(reason === undefined ? {} : { reason }) },
    });
  }
}

/** Cues that break a preset, for callers that treat that as a failure (the `lint` command does). */
export class SubtitleLintError extends BollyxError {
  readonly violations: readonly LintViolation[];

  constructor(file: string, preset: string, cueCount: number, violations: readonly LintViolation[]) {
    const cues = new Set(violations.map((violation) => violation.cueIndex)).size;
    super(
      'SUBTITLES_LINT_VIOLATIONS',
      `${file} breaks ${preset} in ${cues} of ${cueCount} cues (${violations.length} ${violations.length === 1 ? 'problem' : 'problems'})`,
      {
        hint: `Re-time or re-break the cues listed, then run \`bollyx subtitles lint ${file} --preset ${preset}\` again`,
        details: { file, preset, cueCount, violations },
      },
    );
    this.violations = violations;
  }
}

/** The file a conversion would write exists already, and overwriting was not asked for. */
export class SubtitleOutputExistsError extends BollyxError {
  constructor(file: string) {
    super('SUBTITLES_OUTPUT_EXISTS', `${file} exists already`, {
      hint: `Pass --force to replace it (convertSubtitleFile(input, output, { force: true })), or name another output file`,
      details: { file },
    });
  }
}
