import { posix, relative, isAbsolute, basename, sep } from 'node:path';
import { ContainerMountPathError } from '../errors';
import { containerName } from './container-lifecycle';
import type { ContainerExecutor, StageContext } from './executor';

const JOB_MOUNT = '/job';
const MODELS_MOUNT = '/models';
const INPUTS_MOUNT = '/inputs';

/**
 * A stage that runs in a docker or podman container: the job folder is mounted read-write at /job, the
 * model cache read-only at /models, input files outside the job folder read-only under /inputs.
 */
export function container(options: Omit<ContainerExecutor, 'kind'>): ContainerExecutor {
  return { kind: 'container', ...options };
}

function volume(hostPath: string, target: string, mode: 'ro' | 'rw'): string[] {
  if (hostPath.includes(':')) throw new ContainerMountPathError(hostPath);
  return ['--volume', `${hostPath}:${target}:${mode}`];
}

export interface ContainerHostIdentity {
  /** The user and group that own the job folder; files written in the container get them too. */
  uid?: number;
  gid?: number;
}

/**
 * The docker/podman argument array for one attempt. The command inside sees container paths, so the same
 * stage code works in and out of a container.
 */
export function containerInvocation(
  executor: ContainerExecutor,
  ctx: StageContext,
  host: ContainerHostIdentity,
): { file: string; args: string[] } {
  const insideJob = (hostPath: string): string | undefined => {
    const rel = relative(ctx.jobDir, hostPath);
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return posix.join(JOB_MOUNT, ...rel.split(sep));
  };
  const jobPath = (hostPath: string): string => insideJob(hostPath) ?? hostPath;

  const inputMounts: string[] = [];
  const inputs = ctx.inputs.map((input, index) => {
    const mapped = insideJob(input);
    if (mapped !== undefined) return mapped;
    const target = posix.join(INPUTS_MOUNT, String(index), basename(input));
    inputMounts.push(...volume(input, target, 'ro'));
    return target;
  });

  const inner: StageContext = {
    ...ctx,
    jobDir: JOB_MOUNT,
    inputs,
    outputs: ctx.outputs.map(jobPath),
    needs: Object.fromEntries(Object.entries(ctx.needs).map(([id, paths]) => [id, paths.map(jobPath)])),
    output: (declared) => jobPath(ctx.output(declared)),
  };

  // Rootless podman maps the caller's id itself; docker writes as root unless told who the caller is.
  const user =
    executor.engine === 'podman'
      ? ['--userns=keep-id']
      : host.uid !== undefined && host.gid !== undefined
        ? ['--user', `${host.uid}:${host.gid}`]
        : [];
  // podman reaches NVIDIA GPUs through CDI device names, docker through its --gpus flag.
  const gpu =
    ctx.device !== 'cuda' ? [] : executor.engine === 'podman' ? ['--device', 'nvidia.com/gpu=all'] : ['--gpus', 'all'];
  // Names only: the values travel in the client's environment, so secrets never appear in argv or logs.
  const env = Object.keys(executor.env ?? {}).flatMap((name) => ['--env', name]);

  return {
    file: executor.engine,
    args: [
      'run',
      '--rm',
      '--init',
      '--name',
      containerName(ctx),
      ...user,
      ...volume(ctx.jobDir, JOB_MOUNT, 'rw'),
      '--workdir',
      JOB_MOUNT,
      ...(executor.modelCacheDir === undefined ? [] : volume(executor.modelCacheDir, MODELS_MOUNT, 'ro')),
      ...inputMounts,
      ...gpu,
      ...env,
      executor.image,
      ...executor.command(inner),
    ],
  };
}
