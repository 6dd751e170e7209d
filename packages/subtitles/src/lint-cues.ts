import { countCharacters } from './count-characters';
import { type Cue, type LintOptions, LintOptionsSchema, type LintRule, type LintViolation, type Preset, PresetSchema } from './schemas';
import { findShotProblems, type ShotProblem } from './shot-timing';
import { dialogueDashProblem, ellipsisProblem, glyphsOutsideLatin, isLatinScript, visibleText, whitespaceProblem } from './text-rules';
import { validate } from './validate';

// Timestamps hold milliseconds: a limit missed by less than one is rounding, not a fault.
const TIMESTAMP_PRECISION = 0.001;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const secondsText = (value: number) => `${round(value, 3)} s`;

/**
 * Every way each cue breaks `preset`, as a Netflix-style QC: empty or whitespace-only text, too many
 * lines, lines too long (in grapheme clusters, markup not counted), reading too fast, too short or too
 * long on screen, too little gap before the next cue (in frames at `options.frameRate`, or the
 * preset's), overlapping cues, gaps under the chaining limit left open, characters outside the Latin
 * glyph list (Latin-script presets), dialogue dashes, ellipses written as dots, stray spaces and, given
 * `options.shotChanges`, the shot-change timing rules. In cue order.
 */
export function lintCues(cues: readonly Cue[], preset: Preset, options: LintOptions = {}): LintViolation[] {
  const valid = validate(PresetSchema, preset, 'preset', 'Pass a built-in preset: getPreset("netflix-en")');
  const checks = validate(LintOptionsSchema, options, 'lint options', 'Pass a positive frame rate such as 24, 25 or 23.976, and shot changes in seconds');
  const frameRate = checks.frameRate ?? valid.frameRate;
  const minGap = valid.minGapFrames / frameRate;
  const closeGapsUnder = valid.closeGapsUnderFrames / frameRate;
  const checkGlyphs = checks.glyphs ?? isLatinScript(valid.language);
  const violations: LintViolation[] = [];
  const shotProblems = new Map<number, ShotProblem[]>();
  const found = checks.shotChanges
    ? findShotProblems(cues, checks.shotChanges, {
        frameRate,
        minGapFrames: valid.minGapFrames,
        minDurationSeconds: valid.minDurationSeconds,
        maxDurationSeconds: valid.maxDurationSeconds,
      })
    : [];
  for (const problem of found) shotProblems.set(problem.at, [...(shotProblems.get(problem.at) ?? []), problem]);

  cues.forEach((cue, position) => {
    const report = (rule: LintRule, actual: number, limit: number, message: string) =>
      violations.push({ cueIndex: cue.index, start: cue.start, end: cue.end, rule, message, actual, limit });
    const lengths = cue.lines.map(countCharacters);
    const chars = lengths.reduce((sum, length) => sum + length, 0);
    const duration = cue.end - cue.start;

    if (cue.lines.every((line) => visibleText(line).trim() === '')) report('empty-cue', 0, 1, chars === 0 ? 'has no text' : 'has only spaces');
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
      const limit = `the minimum gap is ${valid.minGapFrames} frames (${secondsText(minGap)} at ${frameRate} fps)`;
      if (gap < -TIMESTAMP_PRECISION) {
        report('overlap', round(gap, 3), 0, `overlaps the next cue by ${secondsText(-gap)}; ${limit}`);
      } else if (gap + TIMESTAMP_PRECISION < minGap) {
        report('min-gap', round(gap, 3), round(minGap, 3), `leaves ${secondsText(gap)} (${round(gap * frameRate, 1)} frames) before the next cue; ${limit}`);
      } else if (
        gap - TIMESTAMP_PRECISION > minGap &&
        gap + TIMESTAMP_PRECISION < closeGapsUnder &&
        !(checks.shotChanges ?? []).some((cut) => cut > cue.end && cut < next.start)
      ) {
        report(
          'close-gap',
          round(gap, 3),
          round(closeGapsUnder, 3),
          `leaves ${round(gap * frameRate, 1)} frames before the next cue; gaps under ${valid.closeGapsUnderFrames} frames close to ${valid.minGapFrames}`,
        );
      }
    }
    for (const problem of shotProblems.get(position) ?? []) report('shot-change', problem.edge === 'start' ? cue.start : cue.end, 0, problem.message);
    if (checkGlyphs) {
      const outside = [...new Set(cue.lines.flatMap(glyphsOutsideLatin))];
      if (outside.length > 0) {
        const listed = outside.map((char) => `"${char}" (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
        report('glyph', outside.length, 0, `uses ${listed}, outside the Latin glyph list`);
      }
    }
    const dash = dialogueDashProblem(cue.lines);
    if (dash) report('dialogue-dash', 1, 0, dash);
    const ellipsis = cue.lines.map(ellipsisProblem).find(Boolean);
    if (ellipsis) report('ellipsis', 1, 0, ellipsis);
    const whitespace = cue.lines.map(whitespaceProblem).find(Boolean);
    if (whitespace) report('whitespace', 1, 0, whitespace);
  });
  return violations;
}
