import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectEngine } from './container-engine';

let emptyBin: string;
const dockerClient = (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'docker')));

beforeAll(async () => {
  emptyBin = await mkdtemp(join(tmpdir(), 'bollyx-no-engines-'));
});
afterAll(async () => {
  await rm(emptyBin, { recursive: true, force: true });
});

describe('detectEngine', () => {
  it('names each engine it tried and what to install when none is on PATH', async () => {
    const error = await detectEngine({ env: { PATH: emptyBin } }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      code: 'CONTAINER_ENGINE_MISSING',
      details: { probes: ['docker', 'podman', 'buildah'].map((engine) => ({ engine, problem: 'not installed (not on PATH)' })) },
    });
    if (process.platform === 'linux') expect((error as { hint: string }).hint).toContain('sudo apt-get install docker.io');
  });

  it.skipIf(!dockerClient)(
    `tells a docker client without a daemon from a missing engine, and says to start the daemon${dockerClient ? '' : ' (skipped: no docker client on PATH)'}`,
    async () => {
      const socket = join(emptyBin, 'no-daemon.sock');
      const error = await detectEngine({ engine: 'docker', env: { ...process.env, DOCKER_HOST: `unix://${socket}` } }).catch((caught: unknown) => caught);

      expect(error).toMatchObject({
        code: 'CONTAINER_ENGINE_MISSING',
        hint: expect.stringContaining('start the Docker daemon'),
        details: { probes: [{ engine: 'docker', problem: expect.stringContaining('installed, but its daemon did not answer') }] },
      });
    },
  );
});
