import type { BatchFilm, BatchSummary } from '@bollyx/pipeline';
import { formatDuration, formatTable } from '../../output/format';

/** `failed STAGE_COMMAND_FAILED`, `invalid MEDIA_EMPTY`, `skipped (already done)`, `done`. */
function describeStatus(film: BatchFilm): string {
  if (film.status === 'skipped') return 'skipped (already done)';
  return film.error === undefined || film.status === 'cancelled' ? film.status : `${film.status} ${film.error.code}`;
}

const outputFiles = (film: BatchFilm): string[] =>
  film.outputs === undefined
    ? []
    : [...Object.values(film.outputs.subtitles).flatMap((files) => Object.values(files)), ...Object.values(film.outputs.video)];

/**
 * What `bollyx batch` prints at the end: a row per film (job, status, time, outputs), then why each
 * failed or invalid film stopped, with its fix.
 */
export function renderBatchSummary(summary: BatchSummary, cwd = process.cwd()): string {
  const relative = (file: string) => (file.startsWith(`${cwd}/`) ? file.slice(cwd.length + 1) : file);
  const rows = [
    ['film', 'job', 'status', 'time', 'outputs'],
    ...summary.films.map((film) => [
      relative(film.file),
      film.jobId ?? '-',
      describeStatus(film),
      film.status === 'invalid' || film.durationMs === 0 ? '-' : formatDuration(film.durationMs),
      outputFiles(film).map(relative).join(', ') || '-',
    ]),
  ];
  const problems = summary.films
    .filter((film) => film.error !== undefined && film.status !== 'cancelled')
    .map((film) => `  ${relative(film.file)}: ${film.error!.message}${film.error!.hint === undefined ? '' : `\n    fix: ${film.error!.hint}`}`);
  const counts = ['done', 'skipped', 'failed', 'invalid', 'cancelled']
    .map((status) => [status, summary.films.filter((film) => film.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`);
  return [
    `${formatTable(rows)}\n`,
    problems.length === 0 ? '' : `Problems:\n${problems.join('\n')}\n`,
    `${summary.films.length} files: ${counts.join(', ')} in ${formatDuration(summary.durationMs)} (${summary.concurrency.value} at a time: ${summary.concurrency.reason})\n`,
  ].join('');
}
