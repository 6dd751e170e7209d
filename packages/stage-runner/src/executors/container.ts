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

// A Windows drive (`C:\`) is the one colon Docker Desktop's --volume parser expects in a host path.
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;

function volume(hostPath: string, target: string, mode: 'ro' | 'rw'): string[] {
  if (hostPath.replace(WINDOWS_DRIVE, '').includes(':')) throw new ContainerMountPathError(hostPath);
  return ['--volume', `${hostPath}:${target}:${mode}`];
}

/** `hostPath` as the container sees it when `hostDir` is mounted at `mount`; undefined outside `hostDir`. */
function mountedPath(hostDir: string, mount: string, hostPath: string): string | undefined {
  if (!isAbsolute(hostPath)) return undefined;
  const rel = relative(hostDir, hostPath);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return posix.join(mount, ...rel.split(sep));
}

/** A path in the model cache as the container sees it (under /models), or undefined outside the cache. */
export function modelCachePath(modelCacheDir: string, hostPath: string): string | undefined {
  return mountedPath(modelCacheDir, MODELS_MOUNT, hostPath);
}

interface ContainerView {
  /** ctx as the command inside sees it: /job, /inputs paths. */
  inner: StageContext;
  /** The read-only mounts of the inputs outside the job folder. */
  inputVolumes: string[];
  /** A host path as the container sees it, or undefined when no mount holds it. */
  path(hostPath: string): string | undefined;
}

function containerView(executor: ContainerExecutor, ctx: StageContext): ContainerView {
  const insideJob = (hostPath: string) => mountedPath(ctx.jobDir, JOB_MOUNT, hostPath);
  const jobPath = (hostPath: string): string => insideJob(hostPath) ?? hostPath;

  const inputVolumes: string[] = [];
  const inputTargets = new Map<string, string>();
  const inputs = ctx.inputs.map((input, index) => {
    const mapped = insideJob(input);
    if (mapped !== undefined) return mapped;
    const target = posix.join(INPUTS_MOUNT, String(index), basename(input));
    inputVolumes.push(...volume(input, target, 'ro'));
    inputTargets.set(input, target);
    return target;
  });

  return {
    inner: {
      ...ctx,
      jobDir: JOB_MOUNT,
      inputs,
      outputs: ctx.outputs.map(jobPath),
      needs: Object.fromEntries(Object.entries(ctx.needs).map(([id, paths]) => [id, paths.map(jobPath)])),
      output: (declared) => jobPath(ctx.output(declared)),
    },
    inputVolumes,
    path: (hostPath) =>
      insideJob(hostPath) ??
      inputTargets.get(hostPath) ??
      (executor.modelCacheDir === undefined ? undefined : modelCachePath(executor.modelCacheDir, hostPath)),
  };
}

/**
 * The executor's request with every string that is a host path the container sees (in the job folder,
 * an input, in the model cache) rewritten to the container's path; other values are kept as they are.
 */
export function containerRequest(executor: ContainerExecutor, ctx: StageContext, request: unknown): unknown {
  const { path } = containerView(executor, ctx);
  const json = JSON.stringify(request, (_key, value: unknown) => (typeof value === 'string' ? (path(value) ?? value) : value));
  return json === undefined ? undefined : JSON.parse(json);
}

/** `--request` with the request file's container path: in the job folder beside the outputs, else mounted on its own. */
function requestMount(view: ContainerView, requestFile: string): { volumes: string[]; args: string[] } {
  const seen = view.path(requestFile);
  if (seen !== undefined) return { volumes: [], args: ['--request', seen] };
  const target = posix.join(INPUTS_MOUNT, 'request', basename(requestFile));
  return { volumes: volume(requestFile, target, 'ro'), args: ['--request', target] };
}

export interface ContainerHostIdentity {
  /** The user and group that own the job folder; files written in the container get them too. */
  uid?: number;
  gid?: number;
}

/**
 * The docker/podman argument array for one attempt. The command inside sees container paths, so the same
 * stage code works in and out of a container. `requestFile` (a host path) follows the command as
 * `--request <its container path>`.
 */
export function containerInvocation(
  executor: ContainerExecutor,
  ctx: StageContext,
  host: ContainerHostIdentity,
  requestFile?: string,
): { file: string; args: string[] } {
  const view = containerView(executor, ctx);
  const request = requestFile === undefined ? { volumes: [], args: [] } : requestMount(view, requestFile);

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
      ...view.inputVolumes,
      ...request.volumes,
      ...gpu,
      ...env,
      executor.image,
      ...executor.command(view.inner, ctx),
      ...request.args,
    ],
  };
}
