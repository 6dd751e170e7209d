import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import type { PythonExecutor, StageContext } from './executor';

/**
 * A stage that runs a Python script with the interpreter of the stage's `environment`, found through the
 * runner's `resolveInterpreter` option.
 */
export function python(options: Omit<PythonExecutor, 'kind'>): PythonExecutor {
  return { kind: 'python', ...options };
}

/**
 * Where an attempt's request goes: beside the stage's first output, named like one of its partials
 * (`asr.partial-<run>request.json`), so the next run clears it with the partials if this one is killed.
 */
function requestPath(ctx: StageContext): string {
  const first = ctx.outputs[0];
  if (first === undefined) return join(tmpdir(), `bollyx-${ctx.runId}-${ctx.stageId}-request.json`);
  const ext = extname(first);
  return join(dirname(first), `${basename(first, ext)}request${ext}`);
}

/**
 * Runs `attempt` with the script's arguments: `--request FILE` (the executor's request for this attempt,
 * written first and removed after) and then its own args.
 */
export async function withPythonArguments<T>(
  executor: PythonExecutor,
  ctx: StageContext,
  attempt: (args: readonly string[]) => Promise<T>,
): Promise<T> {
  const extra = executor.args?.(ctx) ?? [];
  if (executor.request === undefined) return attempt(extra);
  return withRequestFile(ctx, await executor.request(ctx), (file) => attempt(['--request', file, ...extra]));
}

/** Writes `request` as JSON to the attempt's request file, runs `attempt` with its path, and removes it after. */
export async function withRequestFile<T>(ctx: StageContext, request: unknown, attempt: (file: string) => Promise<T>): Promise<T> {
  const file = requestPath(ctx);
  await writeFile(file, `${JSON.stringify(request, null, 2)}\n`, 'utf8');
  try {
    return await attempt(file);
  } finally {
    await rm(file, { force: true });
  }
}
