import { fileSystemError, isBollyxError } from '@bollyx/errors';
import { EXIT_UNEXPECTED, exitCodeFor } from './exit-codes';

export interface ActionOptions {
  /** Report failures as one JSON object on stdout instead of prose on stderr. */
  json?: boolean;
}

/**
 * Runs a command's body and turns a thrown error into a message, a hint and the exit code its `code`
 * maps to; an AbortError exits as CANCELLED. Unexpected errors keep their stack so they can be reported.
 */
export async function runAction(options: ActionOptions, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (thrown) {
    // A refusal of the file system (full disk, read-only mount) that no library typed is still the user's to fix.
    const error = fileSystemError(thrown) ?? thrown;
    if (isBollyxError(error)) {
      process.exitCode = exitCodeFor(error.code);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ ok: false, error: error.toJSON() })}\n`);
      } else {
        process.stderr.write(`bollyx: ${error.message}\n`);
        if (error.hint) process.stderr.write(`  fix: ${error.hint}\n`);
      }
      return;
    }
    if (error instanceof Error && error.name === 'AbortError') {
      // Ctrl-C that a library reports as the signal's own AbortError (hardware detection does) is a
      // cancellation like any other, not a crash.
      process.exitCode = exitCodeFor('CANCELLED');
      const cancelled = { code: 'CANCELLED', message: 'Cancelled', hint: 'Run the same command again to go on' };
      if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, error: cancelled })}\n`);
      else process.stderr.write(`bollyx: cancelled\n  fix: ${cancelled.hint}\n`);
      return;
    }
    process.exitCode = EXIT_UNEXPECTED;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ ok: false, error: { code: 'UNEXPECTED', message: String(error) } })}\n`);
    }
    process.stderr.write(`bollyx: unexpected error\n${message}\n`);
  }
}
