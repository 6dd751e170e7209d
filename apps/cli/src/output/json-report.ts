import type { BollyxError } from '@bollyx/errors';
import { exitCodeFor } from './exit-codes';

/**
 * Prints a command's report as one JSON object on stdout, its failure included as `error`, so a script
 * reads a single line whatever happened; a failure sets the exit code its code maps to.
 */
export function writeJsonReport(report: object, failure: BollyxError | undefined): void {
  process.stdout.write(`${JSON.stringify({ ...report, ...(failure ? { error: failure.toJSON() } : {}) })}\n`);
  if (failure) process.exitCode = exitCodeFor(failure.code);
}
