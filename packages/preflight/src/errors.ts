import { BollyxError } from '@bollyx/errors';
import type { BootstrapItem } from './bootstrap-report';
import type { CheckResult } from './check-result';

/** The distinct fixes, in order: one line each for the hint. */
const fixesOf = (fixes: ReadonlyArray<string | undefined>) => [...new Set(fixes.filter((fix) => fix !== undefined))];

/** Some preflight checks failed: the job would stop partway, so it does not start. Carries the failed checks. */
export class PreflightFailedError extends BollyxError {
  readonly failed: readonly CheckResult[];

  constructor(failed: readonly CheckResult[]) {
    const fixes = fixesOf(failed.map((check) => check.fix));
    super(
      'PREFLIGHT_FAILED',
      `preflight found ${failed.length} problem${failed.length === 1 ? '' : 's'}: ${failed.map((check) => check.what).join('; ')}`,
      {
        hint: fixes.length > 0 ? fixes.join('; then ') : 'see the failed checks above',
        details: { failed },
      },
    );
    this.failed = failed;
  }
}

/** Some bootstrap steps failed; the others were done or were already up to date. */
export class BootstrapFailedError extends BollyxError {
  readonly failed: readonly BootstrapItem[];

  constructor(failed: readonly BootstrapItem[]) {
    const fixes = fixesOf(failed.map((item) => item.fix));
    super(
      'BOOTSTRAP_FAILED',
      `bootstrap could not finish ${failed.length} item${failed.length === 1 ? '' : 's'}: ${failed.map((item) => `${item.id} (${item.reason})`).join('; ')}`,
      {
        hint: fixes.length > 0 ? `${fixes.join('; then ')}; then run \`bollyx bootstrap\` again` : 'run `bollyx bootstrap` again',
        details: { failed },
      },
    );
    this.failed = failed;
  }
}

/** Bootstrap options that contradict each other (`--cache-models` with `--skip-cache`). */
export class BootstrapOptionsInvalidError extends BollyxError {
  constructor(problem: string, hint: string) {
    super('BOOTSTRAP_OPTIONS_INVALID', `bootstrap options conflict: ${problem}`, { hint, details: { problem } });
  }
}
