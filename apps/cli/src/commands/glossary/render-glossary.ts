import type { Glossary } from '@bollyx/names';
import { formatTable } from '../../output/format';

/** The readable `bollyx glossary show`: the film, one row per name (Latin, Devanagari, kind, sources, note), then the notes. */
export function renderGlossary(jobId: string, file: string, glossary: Glossary): string {
  const { film } = glossary;
  const about = film?.title === undefined ? '' : ` for ${film.title}${film.year === undefined ? '' : ` (${film.year})`}${film.tmdbId === undefined ? '' : `, TMDB ${film.tmdbId}`}`;
  const head = `Glossary of job ${jobId}${about}: ${glossary.entries.length} ${glossary.entries.length === 1 ? 'name' : 'names'} (${file})\n`;
  const rows = glossary.entries.map((entry) => [
    entry.latin,
    entry.devanagari ?? '',
    entry.translate ? `${entry.kind} (translated)` : entry.kind,
    entry.sources.join(','),
    [entry.aliases.length === 0 ? '' : `also ${entry.aliases.join(', ')}`, entry.note ?? ''].filter(Boolean).join('; '),
  ]);
  const table = rows.length === 0 ? '' : `${formatTable([['LATIN', 'DEVANAGARI', 'KIND', 'SOURCES', 'NOTE'], ...rows])}\n`;
  const notes = glossary.notes.map((note) => `note: ${note}\n`).join('');
  return head + table + notes;
}
