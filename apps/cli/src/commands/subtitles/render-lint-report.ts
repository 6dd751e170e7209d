import { formatTimestamp, type LintViolation, type Preset, type SubtitleFormat } from '@bollyx/subtitles';
import { formatTable } from '../../output/format';

/** The readable `bollyx subtitles lint` report: one row per violation, or a line saying all is well. */
export function renderLintReport(
  file: string,
  format: SubtitleFormat,
  preset: Preset,
  cueCount: number,
  violations: readonly LintViolation[],
): string {
  const checked = `${cueCount} ${cueCount === 1 ? 'cue' : 'cues'} checked against ${preset.name} (${preset.description})`;
  if (violations.length === 0) return `${file}: ${checked}: no problems\n`;
  const rows = violations.map((violation) => [
    `cue ${violation.cueIndex}`,
    `${formatTimestamp(violation.start, format)} --> ${formatTimestamp(violation.end, format)}`,
    violation.rule,
    violation.message,
  ]);
  return `${file}: ${checked}\n${formatTable(rows)}\n`;
}
