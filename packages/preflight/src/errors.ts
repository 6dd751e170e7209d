import { BollyxError } from '@bollyx/errors';
import type { BootstrapItem } from './bootstrap-report';
import type { CheckResult } from './check-result';

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Some parts of a run failed; carries them. The hint gives each distinct fix once, in order, then `last`
 * (when there is one); `none` when no part has a fix. The parts are zod-inferred (`fix?: string | undefined`),
 * so the constraint says `| undefined` too: a consumer with exactOptionalPropertyTypes checks it as written.
 */
abstract class PartsFailedError<Part extends { fix?: string | undefined }> extends BollyxError {
  readonly failed: readonly Part[];

  protected constructor(code: string, message: string, failed: readonly Part[], hint: { last?: string; none: string }) {
    const fixes = [...new Set(failed.map((part) => part.fix).filter((fix) => fix !== undefined))];
    super(code, message, {
      hint: fixes.length > 0 ? [...fixes, ...(hint.last === undefined ? [] : [hint.last])].join('; then ') : hint.none,
      details: { failed },
    });
    this.failed = failed;
  }
}

/** The code every failed check carries, when they all carry the same one. */
function sharedCode(failed: readonly CheckResult[]): string | undefined {
  const codes = new Set(failed.map((check) => check.code));
  return codes.size === 1 ? [...codes][0] : undefined;
}

/**
 * Some preflight checks failed: the job would stop partway, so it does not start. Carries the failed checks.
 * Its code is PREFLIGHT_FAILED, or the failures' own code when every one has the same (a bad model file
 * fails as MODEL_FILE_INVALID, so the CLI exits with the model's code).
 */
export class PreflightFailedError extends PartsFailedError<CheckResult> {
  constructor(failed: readonly CheckResult[]) {
    const code = sharedCode(failed);
    super(
      code ?? 'PREFLIGHT_FAILED',
      `preflight found ${counted(failed.length, 'problem')}: ${failed.map((check) => check.what).join('; ')}`,
      failed,
      // The checks' fixes are commands; an integrator's one call for the setup ones is bootstrapMachine,
      // which does not mend failures with a code of their own (the user's model file): their fixes say it all.
      code === undefined
        ? { last: 'from code, `bootstrapMachine()` of @bollyx/pipeline sets up the engine, environments and models', none: 'see the failed checks above' }
        : { none: 'see the failed checks above' },
    );
  }
}

/** Some bootstrap steps failed; the others were done or were already up to date. */
export class BootstrapFailedError extends PartsFailedError<BootstrapItem> {
  constructor(failed: readonly BootstrapItem[]) {
    const again = 'run `bollyx bootstrap` again';
    super(
      'BOOTSTRAP_FAILED',
      `bootstrap could not finish ${counted(failed.length, 'item')}: ${failed.map((item) => `${item.id} (${item.reason})`).join('; ')}`,
      failed,
      { last: again, none: again },
    );
  }
}

/** Bootstrap options that contradict each other (`--cache-models` with `--skip-cache`). */
export class BootstrapOptionsInvalidError extends BollyxError {
  constructor(problem: string, hint: string) {
    super('BOOTSTRAP_OPTIONS_INVALID', `bootstrap options conflict: ${problem}`, { hint, details: { problem } });
  }
}
