import type { WriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { EngineBuildCancelledError, EngineBuildFailedError } from './engine-errors';

export interface BuildStepContext {
  step: 'configure' | 'compile';
  buildDir: string;
  log: WriteStream;
  logPath: string;
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  onLine?: (line: string) => void;
}

const LAST_LINES_KEPT = 20;
// make and the compilers get this long to stop after SIGTERM before they are killed outright.
const KILL_GRACE_MS = 5000;

function signalGroup(groupId: number, signalName: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-groupId, signalName);
    return true;
  } catch {
    return false;
  }
}

/** Waits until every process of the group has exited, killing what is left after the grace period. */
async function reapGroup(groupId: number): Promise<void> {
  const deadline = Date.now() + KILL_GRACE_MS;
  while (signalGroup(groupId, 0)) {
    if (Date.now() > deadline) signalGroup(groupId, 'SIGKILL');
    await sleep(50);
  }
}

/**
 * Runs one CMake step with its output teed to the build log. It runs in its own process group, so
 * cancelling stops make and every compiler it started, not just cmake.
 */
export async function runBuildStep(command: string, args: string[], context: BuildStepContext): Promise<void> {
  const { signal } = context;
  if (signal?.aborted) throw new EngineBuildCancelledError(context.buildDir, signal.reason);
  context.log.write(`$ ${[command, ...args].join(' ')}\n`);

  const subprocess = execa(command, args, {
    all: true,
    buffer: false,
    detached: true,
    env: context.env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
  });
  const cancel = () => {
    if (subprocess.pid !== undefined) signalGroup(subprocess.pid, 'SIGTERM');
  };
  signal?.addEventListener('abort', cancel, { once: true });

  const lastLines: string[] = [];
  try {
    for await (const line of subprocess.iterable({ from: 'all' })) {
      context.log.write(`${line}\n`);
      lastLines.push(line);
      if (lastLines.length > LAST_LINES_KEPT) lastLines.shift();
      // After a cancel, make still prints what it was doing: the caller hears nothing more.
      if (!signal?.aborted) context.onLine?.(line);
    }
    const result = await subprocess;
    if (signal?.aborted) {
      if (subprocess.pid !== undefined) await reapGroup(subprocess.pid);
      throw new EngineBuildCancelledError(context.buildDir, signal.reason);
    }
    if (result.failed) {
      if (result.code === 'ENOENT') lastLines.push(`${command}: command not found`);
      throw new EngineBuildFailedError({ step: context.step, exitCode: result.exitCode, logPath: context.logPath, lastLines });
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
