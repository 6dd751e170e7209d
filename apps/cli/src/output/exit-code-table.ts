import { EXIT_CODES, EXIT_UNEXPECTED } from './exit-codes';

/** Where the README's exit-code table starts and ends: the lines between are written from EXIT_CODES. */
export const TABLE_MARKERS = { start: '<!-- exit-codes:start -->', end: '<!-- exit-codes:end -->' } as const;

/** The exit codes as a Markdown table, each with the error codes (`--json`'s `error.code`) that exit with it. */
export function exitCodeTable(): string {
  const byExit = new Map<number, string[]>([[EXIT_UNEXPECTED, ['UNEXPECTED']]]);
  for (const [code, exit] of Object.entries(EXIT_CODES)) byExit.set(exit, [...(byExit.get(exit) ?? []), code]);
  const rows = [...byExit].sort(([a], [b]) => a - b).map(([exit, codes]) => `| ${exit} | ${codes.map((code) => `\`${code}\``).join(', ')} |`);
  return ['| exit | error codes |', '|---|---|', ...rows].join('\n');
}
