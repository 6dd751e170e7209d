import path from 'node:path';
import { execa } from 'execa';
import { EnvironmentCreateCancelledError, EnvironmentCreateFailedError } from './environment-errors';
import type { EnvironmentCreateFailure } from './environment-errors';
import type { Command } from './installer-commands';
import { subprocessOptions } from './subprocess-options';

export interface InstallStepContext {
  name: string;
  step: EnvironmentCreateFailure['step'];
  env: NodeJS.ProcessEnv;
  /** Installing from local wheels only: the failure hint says how to fill the wheelhouse. */
  offline: boolean;
  signal?: AbortSignal;
  onLine?: (line: string) => void;
}

const LAST_LINES_KEPT = 20;

/** Runs one step of a creation (venv, install), line by line; a failure names the step and its last lines. */
export async function runInstallStep({ command, args }: Command, context: InstallStepContext): Promise<void> {
  const { signal } = context;
  if (signal?.aborted) throw new EnvironmentCreateCancelledError(context.name, signal.reason);
  const subprocess = execa(command, args, {
    all: true,
    buffer: false,
    ...subprocessOptions(context.env),
    reject: false,
    cancelSignal: signal,
  });
  const lastLines: string[] = [];
  try {
    for await (const line of subprocess.iterable({ from: 'all' })) {
      lastLines.push(line);
      if (lastLines.length > LAST_LINES_KEPT) lastLines.shift();
      if (!signal?.aborted) context.onLine?.(line);
    }
  } catch {
    // A killed or failed subprocess ends the line stream early; its result below says how it ended.
  }
  const result = await subprocess;
  if (result.isCanceled || signal?.aborted) throw new EnvironmentCreateCancelledError(context.name, signal?.reason);
  if (result.failed) {
    const problem = result.code === 'ENOENT' ? `${command} not found` : `${path.basename(command)} ${args.slice(0, 3).join(' ')} exited ${result.exitCode ?? result.signal}`;
    throw new EnvironmentCreateFailedError({ name: context.name, step: context.step, problem, lastLines, offline: context.offline });
  }
}
