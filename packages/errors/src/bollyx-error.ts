/** What every bollyx error carries: a stable machine code and a hint naming the next step. */
export interface BollyxErrorOptions {
  /** The fix, phrased as the next thing to run or change. */
  hint?: string;
  cause?: unknown;
  /** Structured facts about the failure (paths, values) for `--json` output. */
  details?: Record<string, unknown>;
}

const BRAND = Symbol.for('bollyx.error');

/**
 * Base class of every error a @bollyx package throws on purpose. `code` is stable across releases:
 * the CLI maps it to an exit code, integrators switch on it.
 */
export class BollyxError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly [BRAND] = true;

  constructor(code: string, message: string, options: BollyxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }

  toJSON(): { name: string; code: string; message: string; hint?: string; details?: Record<string, unknown> } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/**
 * True for a BollyxError from any copy of this package: the ESM and CJS builds each define the class,
 * so `instanceof` alone would miss errors thrown by the other one.
 */
export function isBollyxError(value: unknown): value is BollyxError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
