import { stringify } from 'yaml';
import { z } from 'zod';
import type { BuildPlan } from './build-plan';
import { pipelineVersion } from './default-image-graph';
import { workerDockerfile } from './dockerfiles';

const MountSchema = z.strictObject({
  type: z.enum(['bind', 'volume']),
  source: z.string(),
  target: z.string(),
  read_only: z.boolean().optional(),
});

const ServiceSchema = z.strictObject({
  image: z.string(),
  /** The worker image is built by compose itself, from a Dockerfile that copies only from other images. */
  build: z.strictObject({ context: z.string(), dockerfile_inline: z.string() }).optional(),
  command: z.array(z.string()),
  environment: z.record(z.string(), z.string()).optional(),
  ports: z.array(z.string()).optional(),
  volumes: z.array(MountSchema),
  group_add: z.array(z.string()).optional(),
  depends_on: z.array(z.string()).optional(),
  restart: z.literal('unless-stopped'),
  stop_grace_period: z.string().optional(),
  deploy: z
    .strictObject({
      resources: z.strictObject({
        reservations: z.strictObject({
          devices: z.array(z.strictObject({ driver: z.literal('nvidia'), count: z.number().int().positive(), capabilities: z.array(z.literal('gpu')) })),
        }),
      }),
    })
    .optional(),
});

/** The subset of the Compose file format bollyx writes: Redis and the queue workers. */
export const ComposeFileSchema = z.strictObject({
  name: z.string(),
  services: z.record(z.string(), ServiceSchema),
  volumes: z.record(z.string(), z.strictObject({})),
});
export type ComposeFile = z.infer<typeof ComposeFileSchema>;

/** The modes a compose file can run: whole films need every stage in an image. */
export type ComposeMode = 'docker-cpu' | 'docker-gpu';

export interface ComposeFileOptions {
  /** Host folder of the films, mounted at the same path (what `bollyx submit` names). Default: `${BOLLYX_FILMS_DIR}`. */
  films?: string;
  /** Host folder of the jobs, shared by every worker (BOLLYX_WORKSPACE). Default: `${BOLLYX_WORKSPACE}`. */
  workspace?: string;
  /** Host model cache (BOLLYX_CACHE_DIR). Default: `${BOLLYX_CACHE_DIR}`. */
  cacheDir?: string;
  /** The host's docker group id, so the worker may use the engine's socket. Default: `${BOLLYX_DOCKER_GID}`. */
  dockerGid?: string;
  /** How long `docker compose stop` waits for a worker's running film before killing it. Default `30m`. */
  stopGracePeriod?: string;
}

const REDIS_IMAGE = 'redis:7';
const DOCKER_SOCKET = '/var/run/docker.sock';

/** A compose variable that stops `docker compose` with `hint` when unset. */
const required = (name: string, hint: string) => `\${${name}:?${hint}}`;

/**
 * The compose file of one docker mode's plan: `redis` (with its data in a volume; published on
 * `${BOLLYX_REDIS_BIND:-127.0.0.1}:6379`, so other machines reach it only when asked), `worker-cpu`
 * (whole films and CPU segments: `--queues films,cpu`) and, for docker-gpu, `worker-gpu` (`--queues
 * films,gpu,cpu`, one NVIDIA GPU reserved): the queues `bollyx worker` takes by default on such machines.
 * Workers run the CLI image built from the plan's runtime base and run their films' stages as sibling
 * containers of the mode's images through the host's docker socket, so every folder is mounted at the
 * same path as on the host (the engine resolves the stage containers' mounts on the host).
 */
export function composeFile(plan: BuildPlan & { mode: ComposeMode }, options: ComposeFileOptions = {}): ComposeFile {
  const gpu = plan.mode === 'docker-gpu';
  const baseName = gpu ? 'base-cuda' : 'base';
  const base = plan.images.find((image) => image.name === baseName);
  if (base === undefined) throw new Error(`The ${plan.mode} plan has no ${baseName} image`);
  const version = pipelineVersion();
  const films = options.films ?? required('BOLLYX_FILMS_DIR', 'set BOLLYX_FILMS_DIR to the films folder');
  const workspace = options.workspace ?? required('BOLLYX_WORKSPACE', 'set BOLLYX_WORKSPACE to the shared jobs folder');
  const cacheDir = options.cacheDir ?? required('BOLLYX_CACHE_DIR', 'set BOLLYX_CACHE_DIR to the model cache folder');
  const samePath = (path: string, readOnly = false) => ({ type: 'bind' as const, source: path, target: path, ...(readOnly ? { read_only: true } : {}) });

  const worker = (queues: string) => ({
    image: `${base.repository.replace(/\/[^/]+$/, '')}/worker:${version}-${base.tag}`,
    build: { context: '.', dockerfile_inline: workerDockerfile(base.ref, version) },
    command: ['worker', '--redis', 'redis://redis:6379', '--queues', queues, '--workspace', workspace],
    // BOLLYX_RUNTIME: the stages run in the images; a worker with a GPU picks the CUDA ones.
    environment: { BOLLYX_RUNTIME: 'docker', BOLLYX_WORKSPACE: workspace, BOLLYX_CACHE_DIR: cacheDir },
    volumes: [samePath(films, true), samePath(workspace), samePath(cacheDir), samePath(DOCKER_SOCKET)],
    group_add: [options.dockerGid ?? required('BOLLYX_DOCKER_GID', 'set BOLLYX_DOCKER_GID to the docker group id (getent group docker)')],
    depends_on: ['redis'],
    restart: 'unless-stopped' as const,
    // A stopped worker finishes its film first; one killed after this leaves it to another worker.
    stop_grace_period: options.stopGracePeriod ?? '30m',
  });

  return ComposeFileSchema.parse({
    name: 'bollyx',
    services: {
      redis: {
        image: REDIS_IMAGE,
        command: ['redis-server', '--appendonly', 'yes'],
        ports: ['${BOLLYX_REDIS_BIND:-127.0.0.1}:6379:6379'],
        volumes: [{ type: 'volume', source: 'redis-data', target: '/data' }],
        restart: 'unless-stopped',
      },
      'worker-cpu': worker('films,cpu'),
      ...(gpu
        ? {
            'worker-gpu': {
              ...worker('films,gpu,cpu'),
              deploy: { resources: { reservations: { devices: [{ driver: 'nvidia', count: 1, capabilities: ['gpu'] }] } } },
            },
          }
        : {}),
    },
    volumes: { 'redis-data': {} },
  });
}

/** The compose file as YAML, headed by what it needs before `docker compose up`. */
export function composeYaml(compose: ComposeFile, mode: ComposeMode): string {
  const header = [
    `Written by \`bollyx docker plan --mode ${mode} --compose\`. Before \`docker compose up -d\`:`,
    `build the stage images on this machine: bollyx docker build --mode ${mode}${mode === 'docker-gpu' ? ' (and --mode docker-cpu for worker-cpu, which has no GPU)' : ''}.`,
    'Submit films by their host path: bollyx submit FILM [--segments] --redis redis://localhost:6379',
  ];
  // YAML 1.1 rules quote `yes`, `on` and the like, which older readers would take for booleans.
  return `${header.map((line) => `# ${line}`).join('\n')}\n${stringify(compose, { lineWidth: 0, version: '1.1' })}`;
}
