import type { CheckResult } from '@bollyx/preflight';

/** One line per check, ✓ or ✗, and under each failure why it matters and the command that fixes it. */
export function renderChecks(checks: readonly CheckResult[]): string {
  const width = Math.max(...checks.map((check) => check.id.length));
  return checks
    .map((check) => {
      const line = `${check.ok ? '✓' : '✗'} ${check.id.padEnd(width)}  ${check.what}${check.cached ? ' (cached)' : ''}`;
      if (check.ok) return line;
      return [line, `    why: ${check.why}`, ...(check.fix === undefined ? [] : [`    fix: ${check.fix}`])].join('\n');
    })
    .map((line) => `${line}\n`)
    .join('');
}
