import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ComposeFileSchema, composeFile, composeYaml } from './compose-file';
import { defaultImageGraph } from './default-image-graph';
import { planBuild } from './plan-build';

const folders = { films: '/srv/films', workspace: '/srv/bollyx-work', cacheDir: '/srv/bollyx-cache', dockerGid: '998' };

describe('composeFile', () => {
  it('writes Redis, a CPU worker and a GPU worker with one NVIDIA GPU on the docker-gpu images', async () => {
    const plan = await planBuild('docker-gpu', await defaultImageGraph());
    const baseCuda = plan.images.find((image) => image.name === 'base-cuda')!;

    const text = composeYaml(composeFile({ ...plan, mode: 'docker-gpu' }, folders), 'docker-gpu');
    const compose = ComposeFileSchema.parse(parse(text));

    expect(text).toMatch(/^# Written by `bollyx docker plan --mode docker-gpu --compose`/);
    expect(Object.keys(compose.services)).toEqual(['redis', 'worker-cpu', 'worker-gpu']);
    expect(compose.services.redis).toMatchObject({ image: 'redis:7', restart: 'unless-stopped', volumes: [{ type: 'volume', source: 'redis-data', target: '/data' }] });
    expect(text).toContain('- "yes"\n');
    expect(compose.volumes).toEqual({ 'redis-data': {} });

    const cpu = compose.services['worker-cpu']!;
    const gpu = compose.services['worker-gpu']!;
    expect(cpu.command).toEqual(['worker', '--redis', 'redis://redis:6379', '--queues', 'films,cpu', '--workspace', '/srv/bollyx-work']);
    expect(gpu.command).toEqual(['worker', '--redis', 'redis://redis:6379', '--queues', 'films,gpu,cpu', '--workspace', '/srv/bollyx-work']);
    expect(cpu.deploy).toBeUndefined();
    expect(gpu.deploy).toEqual({ resources: { reservations: { devices: [{ driver: 'nvidia', count: 1, capabilities: ['gpu'] }] } } });
    for (const worker of [cpu, gpu]) {
      expect(worker).toMatchObject({ restart: 'unless-stopped', stop_grace_period: '30m', depends_on: ['redis'], group_add: ['998'] });
      expect(worker.environment).toEqual({ BOLLYX_RUNTIME: 'docker', BOLLYX_WORKSPACE: '/srv/bollyx-work', BOLLYX_CACHE_DIR: '/srv/bollyx-cache' });
      // Same path inside as on the host: the stage containers' mounts are resolved by the host's engine.
      expect(worker.volumes).toEqual([
        { type: 'bind', source: '/srv/films', target: '/srv/films', read_only: true },
        { type: 'bind', source: '/srv/bollyx-work', target: '/srv/bollyx-work' },
        { type: 'bind', source: '/srv/bollyx-cache', target: '/srv/bollyx-cache' },
        { type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock' },
      ]);
      expect(worker.image).toMatch(new RegExp(`^bollyx/worker:\\d+\\.\\d+\\.\\d+-${baseCuda.tag}$`));
      expect(worker.build?.dockerfile_inline).toContain(`FROM ${baseCuda.ref}\n`);
      expect(worker.build?.dockerfile_inline).toMatch(/npm install --omit=dev --no-audit --no-fund @bollyx\/cli@\d+\.\d+\.\d+/);
    }
  });

  it('leaves unset folders to compose variables that stop `docker compose` with what to set, and has no GPU worker for docker-cpu', async () => {
    const plan = await planBuild('docker-cpu', await defaultImageGraph());
    const base = plan.images.find((image) => image.name === 'base')!;

    const compose = ComposeFileSchema.parse(parse(composeYaml(composeFile({ ...plan, mode: 'docker-cpu' }), 'docker-cpu')));

    expect(Object.keys(compose.services)).toEqual(['redis', 'worker-cpu']);
    const worker = compose.services['worker-cpu']!;
    expect(worker.build?.dockerfile_inline).toContain(`FROM ${base.ref}\n`);
    expect(worker.volumes[0]).toEqual({ type: 'bind', source: '${BOLLYX_FILMS_DIR:?set BOLLYX_FILMS_DIR to the films folder}', target: '${BOLLYX_FILMS_DIR:?set BOLLYX_FILMS_DIR to the films folder}', read_only: true });
    expect(worker.environment?.BOLLYX_WORKSPACE).toBe('${BOLLYX_WORKSPACE:?set BOLLYX_WORKSPACE to the shared jobs folder}');
    expect(worker.group_add).toEqual(['${BOLLYX_DOCKER_GID:?set BOLLYX_DOCKER_GID to the docker group id (getent group docker)}']);
  });
});
