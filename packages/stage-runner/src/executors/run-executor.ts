import { basename } from 'node:path';
import type { ExecaError } from 'execa';
import { isBollyxError } from '@bollyx/errors';
import { StageCommandFailedError, StageCrashedError } from '../errors';
import { containerInvocation, containerRequest } from './container';
import { withPythonArguments, withRequestFile } from './python';
import { requireContainerImage, withContainerStop } from './container-lifecycle';
import { guardedExeca } from './guarded-execa';
import type { Executor, ProgressParser, StageContext } from './executor';

export interface RunExecutorOptions {
  /** Time between SIGTERM and SIGKILL for a subprocess, and how long an aborted in-process stage may take to settle. */
  killGraceMs: number;
  logPath: string;
  /** The interpreter of the stage's environment; only python executors call it. */
  resolveInterpreter: () => Promise<string>;
}

/** Runs one attempt of a stage. Resolves with the subprocess's exit code (null in process); rejects on failure. */
export async function runExecutor(executor: Executor, ctx: StageContext, options: RunExecutorOptions): Promise<number | null> {
  switch (executor.kind) {
    case 'in-process':
      await settleOrAbandon(executor.run(ctx), ctx, options);
      return null;
    case 'binary':
      return runSubprocess(executor.command, executor.args(ctx), executor, ctx, options);
    case 'python': {
      const interpreter = await options.resolveInterpreter();
      // -u: unbuffered, so progress lines arrive while the script runs, not when it exits.
      return withPythonArguments(executor, ctx, (args) => runSubprocess(interpreter, ['-u', executor.script, ...args], executor, ctx, options));
    }
    case 'container': {
      const attempt = (requestFile?: string) => {
        const { file, args } = containerInvocation(executor, ctx, { uid: process.getuid?.(), gid: process.getgid?.() }, requestFile);
        return withContainerStop(executor, ctx, options.killGraceMs, () => runSubprocess(file, args, executor, ctx, options));
      };
      await requireContainerImage(executor, ctx);
      if (executor.request === undefined) return attempt();
      // Made from the host's view (it may read the needed stages' files), written in the container's.
      return withRequestFile(ctx, containerRequest(executor, ctx, await executor.request(ctx)), attempt);
    }
  }
}

/**
 * Awaits an in-process stage. After an abort it gets `killGraceMs` to notice `ctx.signal` and settle; a
 * function that ignores the signal is abandoned (a process cannot kill its own function).
 */
async function settleOrAbandon(work: Promise<void>, ctx: StageContext, options: RunExecutorOptions): Promise<void> {
  let graceTimer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const abandoned = new Promise<void>((resolve) => {
    onAbort = () => {
      graceTimer = setTimeout(resolve, options.killGraceMs);
    };
    if (ctx.signal.aborted) onAbort();
    else ctx.signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([work, abandoned]);
  } catch (error) {
    if (ctx.signal.aborted) throw ctx.signal.reason;
    throw isBollyxError(error) ? error : new StageCrashedError(ctx.stageId, options.logPath, error);
  } finally {
    clearTimeout(graceTimer);
    if (onAbort) ctx.signal.removeEventListener('abort', onAbort);
  }
  if (ctx.signal.aborted) throw ctx.signal.reason;
}

const PLAIN_ARGUMENT = /^[\w@%+=:,./-]+$/;

async function runSubprocess(
  file: string,
  args: readonly string[],
  executor: { env?: Readonly<Record<string, string>>; parseProgress?: ProgressParser },
  ctx: StageContext,
  options: RunExecutorOptions,
): Promise<number> {
  // Quoted for reading only: the subprocess gets the array itself, never a shell string.
  ctx.log(`$ ${[file, ...args].map((arg) => (PLAIN_ARGUMENT.test(arg) ? arg : JSON.stringify(arg))).join(' ')}`);
  let lastLine: string | undefined;
  try {
    const subprocess = guardedExeca(file, args, {
      cwd: ctx.jobDir,
      ...(executor.env === undefined ? {} : { env: executor.env }),
      stdin: 'ignore',
      all: true,
      // Each line goes to the log and the progress parser as it comes; nothing is kept in memory.
      buffer: false,
      cancelSignal: ctx.signal,
      forceKillAfterDelay: options.killGraceMs,
    });
    for await (const line of subprocess.iterable({ from: 'all' })) {
      ctx.log(line);
      if (line.trim() !== '') lastLine = line.trim();
      const progress = executor.parseProgress?.(line);
      if (progress !== undefined) ctx.progress(progress.fraction, progress.message);
    }
    return (await subprocess).exitCode ?? 0;
  } catch (error) {
    if (ctx.signal.aborted) throw ctx.signal.reason;
    const failure = error as ExecaError;
    throw new StageCommandFailedError(
      ctx.stageId,
      {
        command: basename(file),
        ...(failure.exitCode === undefined ? {} : { exitCode: failure.exitCode }),
        ...(failure.signal === undefined ? {} : { signal: failure.signal }),
        lastLine: lastLine ?? failure.originalMessage,
        logPath: options.logPath,
      },
      error,
    );
  }
}
