import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import type { ContainerExecutor, StageContext } from './executor';
import { ContainerImageMissingError } from './container-errors';

/** The engine's own words for an image it does not have (docker, podman). */
const NO_SUCH_IMAGE = /no such image|image not known/i;

/** The name `docker run --name` gets: one container per stage and run, found again to stop it. */
export function containerName(ctx: Pick<StageContext, 'runId' | 'stageId'>): string {
  return `bollyx-${ctx.runId}-${ctx.stageId}`;
}

function engineCommand(executor: ContainerExecutor, args: readonly string[], signal?: AbortSignal) {
  return execa(executor.engine, args, {
    ...(executor.env === undefined ? {} : { env: executor.env }),
    stdin: 'ignore',
    reject: false,
    ...(signal === undefined ? {} : { cancelSignal: signal }),
  });
}

/**
 * Fails fast, before `run`, when the image is not built: `docker run` would otherwise try to pull it
 * from a registry that has no bollyx images. Other inspect failures (no engine, no daemon) are left to
 * `run`, which reports them with the engine's own message.
 */
export async function requireContainerImage(executor: ContainerExecutor, ctx: StageContext): Promise<void> {
  const result = await engineCommand(executor, ['image', 'inspect', '--format', '{{.Id}}', executor.image], ctx.signal);
  if (ctx.signal.aborted) throw ctx.signal.reason;
  if (result.exitCode !== 0 && NO_SUCH_IMAGE.test(String(result.stderr))) {
    throw new ContainerImageMissingError([{ stage: ctx.stageId, image: executor.image }], {
      engine: executor.engine,
      mode: ctx.device === 'cuda' ? 'docker-gpu' : 'docker-cpu',
    });
  }
}

/** How long a stopped container may take to disappear (the engine removes --rm containers after they exit). */
const REMOVAL_WAIT_MS = 30_000;

/**
 * Runs the container's client and, when the attempt is cancelled or times out, stops the container
 * itself: killing the client leaves the container running in the engine. `stop` gives it the same
 * grace as a local subprocess; `rm --force` after the client has exited also catches a container the
 * client created while it was being stopped; the attempt ends once the engine no longer lists it.
 */
export async function withContainerStop<T>(
  executor: ContainerExecutor,
  ctx: StageContext,
  killGraceMs: number,
  run: () => Promise<T>,
): Promise<T> {
  const name = containerName(ctx);
  let stopping: Promise<unknown> | undefined;
  const onAbort = () => {
    // -t: the grace in seconds (docker 20 calls it --time, docker 28 --timeout, podman --time).
    stopping = engineCommand(executor, ['stop', '-t', String(Math.ceil(killGraceMs / 1000)), name]);
  };
  if (ctx.signal.aborted) onAbort();
  else ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await run();
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    if (stopping !== undefined) {
      await stopping;
      await engineCommand(executor, ['rm', '--force', name]);
      const deadline = Date.now() + REMOVAL_WAIT_MS;
      while ((await engineCommand(executor, ['container', 'inspect', '--format', '{{.Id}}', name])).exitCode === 0 && Date.now() < deadline) {
        await sleep(100);
      }
    }
  }
}
