import type { BollyxError } from '@bollyx/errors';

/** What a check found: passed or not, in words, with the fix when it did not pass. */
export interface CheckOutcome {
  ok: boolean;
  what: string;
  fix?: string;
  /** The error code of a failure that has its own (see CheckResult's `code`). */
  code?: string;
}

/** The failed outcome a typed error makes: its message (unless `what` says more), its hint as the fix. */
export function errorOutcome(error: BollyxError, what: string = error.message): CheckOutcome & { ok: false } {
  return { ok: false, what, code: error.code, ...(error.hint === undefined ? {} : { fix: error.hint }) };
}

/**
 * One preflight check. `fingerprint` gathers the cheap facts the outcome depends on (paths, sizes, mtimes,
 * records); a passed outcome is cached under their hash, so the expensive `check` (running a tool,
 * starting Python, hashing a model) runs again only when one of them changes. No fingerprint (or
 * undefined from it) means "always check": cheap checks, and states that cannot pass anyway.
 */
export interface CheckDefinition {
  id: string;
  /** Why bollyx needs what this checks. */
  why: string;
  fingerprint?: () => Promise<unknown>;
  check: () => Promise<CheckOutcome>;
}
