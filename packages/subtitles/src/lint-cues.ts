import { countCharacters } from './count-characters';
import { type Cue, type LintOptions, LintOptionsSchema, type LintRule, type LintViolation, type Preset, PresetSchema } from './schemas';
import { validate } from './validate';

// Timestamps hold milliseconds: a limit missed by less than one is rounding, not a fault.
const TIMESTAMP_PRECISION = 0.001;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const secondsText = (value: number) => `${round(value, 3)} s`;

/**
 * Every way each cue breaks `preset`: empty text, too many lines, lines too long (in grapheme
 * clusters, markup not counted), reading too fast, too short or too long on screen, and too little gap
 * before the next cue (in frames at `options.frameRate`, or the preset's). In cue order.
 */
export function lintCues(cues: readonly Cue[], preset: Preset, options: LintOptions = {}): LintViolation[] {
  const valid = validate(PresetSchema, preset, 'preset', 'Pass a built-in preset: getPreset("netflix-en")');
  const { frameRate = valid.frameRate } = validate(LintOptionsSchema, options, 'lint options', 'Pass a positive frame rate such as 24, 25 or 23.976');
  const minGap = valid.minGapFrames / frameRate;
  const violations: LintViolation[] = [];

  cues.forEach((cue, position) => {
    const report = (rule: LintRule, actual: number, limit: number, message: string) =>
      violations.push({ cueIndex: cue.index, start: cue.start, end: cue.end, rule, message, actual, limit });
    const lengths = cue.lines.map(countCharacters);
    const chars = lengths.reduce((sum, length) => sum + length, 0);
    const duration = cue.end - cue.start;

    if (chars === 0) report('empty-cue', 0, 1, 'has no text');
    if (cue.lines.length > valid.maxLines) {
      report('max-lines', cue.lines.length, valid.maxLines, `has ${cue.lines.length} lines; the limit is ${valid.maxLines}`);
    }
    lengths.forEach((length, line) => {
      if (length > valid.maxCharsPerLine) {
        report('max-chars-per-line', length, valid.maxCharsPerLine, `line ${line + 1} has ${length} characters; the limit is ${valid.maxCharsPerLine}`);
      }
    });
    if (chars > 0 && duration > 0 && chars / (duration + TIMESTAMP_PRECISION) > valid.maxCharsPerSecond) {
      const speed = round(chars / duration, 2);
      report('max-chars-per-second', speed, valid.maxCharsPerSecond, `reads at ${speed} characters a second (${chars} in ${secondsText(duration)}); the limit is ${valid.maxCharsPerSecond}`);
    }
    if (duration + TIMESTAMP_PRECISION < valid.minDurationSeconds) {
      report('min-duration', round(duration, 3), round(valid.minDurationSeconds, 3), `lasts ${secondsText(duration)}; the minimum is ${secondsText(valid.minDurationSeconds)}`);
    }
    if (duration - TIMESTAMP_PRECISION > valid.maxDurationSeconds) {
      report('max-duration', round(duration, 3), valid.maxDurationSeconds, `lasts ${secondsText(duration)}; the maximum is ${secondsText(valid.maxDurationSeconds)}`);
    }
    const next = cues[position + 1];
    if (next) {
      const gap = next.start - cue.end;
      if (gap + TIMESTAMP_PRECISION < minGap) {
        const limit = `the minimum gap is ${valid.minGapFrames} frames (${secondsText(minGap)} at ${frameRate} fps)`;
        report(
          'min-gap',
          round(gap, 3),
          round(minGap, 3),
          gap < 0
            ? `overlaps the next cue by ${secondsText(-gap)}; ${limit}`
            : `leaves ${secondsText(gap)} (${round(gap * frameRate, 1)} frames) before the next cue; ${limit}`,
        );
      }
    }
  });
  return violations;
}
