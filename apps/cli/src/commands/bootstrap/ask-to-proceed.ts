import { createInterface } from 'node:readline/promises';

/**
 * Lists the big pieces of work and asks once `Proceed? [Y/n]` on the terminal; Enter means yes. An
 * abort (Ctrl-C) while waiting rejects, like any other step.
 */
export async function askToProceed(work: readonly string[], signal: AbortSignal): Promise<boolean> {
  process.stderr.write(`bollyx bootstrap is about to:\n${work.map((line) => `  - ${line}\n`).join('')}`);
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await terminal.question('Proceed? [Y/n] ', { signal });
    return /^(|y|yes)$/i.test(answer.trim());
  } finally {
    terminal.close();
  }
}
