import { execa } from 'execa';
import { z } from 'zod';
import { ContainerEngineMissingError, type EngineProbe } from './docker-errors';

export const ContainerEngineSchema = z.enum(['docker', 'podman', 'buildah']);
export type ContainerEngine = z.infer<typeof ContainerEngineSchema>;

/** The engine a build runs with, and how it builds: docker with buildx or its classic builder, podman, buildah. */
export const DetectedEngineSchema = z.object({
  engine: ContainerEngineSchema,
  version: z.string(),
  builder: z.enum(['buildx', 'classic', 'podman', 'buildah']),
});
export type DetectedEngine = z.infer<typeof DetectedEngineSchema>;

export interface EngineOptions {
  /** Use this engine; default: the first that works of docker, podman, buildah. */
  engine?: ContainerEngine;
  /** The engine's environment (DOCKER_HOST, CONTAINER_HOST, PATH); default process.env. */
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

/** Runs an engine command and never throws for its exit status: callers read the result. */
export function engineCommand(engine: ContainerEngine, args: readonly string[], options: Pick<EngineOptions, 'env' | 'signal'>) {
  return execa(engine, args, {
    env: options.env ?? process.env,
    extendEnv: false,
    stdin: 'ignore',
    reject: false,
    ...(options.signal === undefined ? {} : { cancelSignal: options.signal }),
  });
}

const firstLine = (text: string) => text.trim().split('\n').find((line) => line.trim() !== '')?.trim() ?? 'no output';

// What answers that an engine works: docker's needs its daemon, podman and buildah run daemonless.
const VERSION_PROBES: Record<ContainerEngine, { args: string[]; version: (stdout: string) => string | undefined }> = {
  docker: { args: ['version', '--format', '{{.Server.Version}}'], version: (stdout) => stdout.trim() || undefined },
  podman: { args: ['version', '--format', '{{.Client.Version}}'], version: (stdout) => stdout.trim() || undefined },
  buildah: { args: ['version'], version: (stdout) => /^Version:\s*(\S+)/m.exec(stdout)?.[1] },
};

async function probe(engine: ContainerEngine, options: EngineOptions): Promise<DetectedEngine | EngineProbe> {
  const result = await engineCommand(engine, VERSION_PROBES[engine].args, options);
  options.signal?.throwIfAborted();
  // No exit code: the program could not be started at all.
  if (result.exitCode === undefined) return { engine, problem: 'not installed (not on PATH)' };
  const version = result.exitCode === 0 ? VERSION_PROBES[engine].version(String(result.stdout)) : undefined;
  if (version === undefined) {
    const what = engine === 'docker' ? 'installed, but its daemon did not answer' : 'installed, but does not run';
    return { engine, problem: `${what}: ${firstLine(String(result.stderr || result.stdout))}` };
  }
  if (engine !== 'docker') return { engine, version, builder: engine };
  // A docker client without the buildx plugin cannot use BuildKit (DOCKER_BUILDKIT=1 fails): it builds classically.
  const buildx = await engineCommand('docker', ['buildx', 'version'], options);
  return { engine, version, builder: buildx.exitCode === 0 ? 'buildx' : 'classic' };
}

/**
 * The container engine to build and run with: `options.engine`, else the first of docker, podman and
 * buildah that answers. Throws ContainerEngineMissingError naming what each engine lacks and what to install.
 */
export async function detectEngine(options: EngineOptions = {}): Promise<DetectedEngine> {
  const candidates = options.engine === undefined ? ContainerEngineSchema.options : [options.engine];
  const problems: EngineProbe[] = [];
  for (const engine of candidates) {
    const found = await probe(engine, options);
    if ('problem' in found) problems.push(found);
    else return found;
  }
  throw new ContainerEngineMissingError(problems);
}
