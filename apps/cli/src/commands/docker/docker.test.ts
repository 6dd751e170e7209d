import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
let scratch: string;

const bollyx = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [cli, ...args], { env: { BOLLYX_CACHE_DIR: scratch, ...env }, reject: false });

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-docker-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('bollyx docker plan', () => {
  it('prints the native plan: the ffmpeg base only, with its tag and estimated size, mlx excluded', async () => {
    const result = await bollyx(['docker', 'plan', '--mode', 'native', '--json']);

    expect(result.exitCode, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan).toMatchObject({
      ok: true,
      mode: 'native',
      images: [{ name: 'base', ref: expect.stringMatching(/^bollyx\/base:[0-9a-f]{12}$/), serves: ['demux', 'mux'], estimatedTotalMb: 520 }],
      excluded: [{ name: 'mlx' }],
      estimatedTotalMb: 520,
    });
  });

  it('exits 2 naming the flag when --mode is missing or unknown', async () => {
    const missing = await bollyx(['docker', 'plan']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('needs --mode');

    const unknown = await bollyx(['docker', 'plan', '--mode', 'docker-tpu']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('docker-cpu');
  });

  it('--compose writes the compose file of Redis and the CPU and GPU workers, with the folders given', async () => {
    const compose = path.join(scratch, 'compose.yaml');
    const films = path.join(scratch, 'films');
    const result = await bollyx(['docker', 'plan', '--mode', 'docker-gpu', '--compose', compose, '--films', films, '--json'], { BOLLYX_WORKSPACE: '/srv/work' });

    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, mode: 'docker-gpu', compose });
    const file = parse(await readFile(compose, 'utf8'));
    expect(Object.keys(file.services)).toEqual(['redis', 'worker-cpu', 'worker-gpu']);
    expect(file.services['worker-gpu'].command).toEqual(['worker', '--redis', 'redis://redis:6379', '--queues', 'films,gpu,cpu', '--workspace', '/srv/work']);
    expect(file.services['worker-gpu'].volumes.map((mount: { source: string }) => mount.source)).toEqual([films, '/srv/work', scratch, '/var/run/docker.sock']);

    const native = await bollyx(['docker', 'plan', '--mode', 'native', '--compose', compose]);
    expect(native.exitCode).toBe(2);
    expect(native.stderr).toContain('needs a docker mode');
  });
});

describe('bollyx docker build', () => {
  it('--dry-run prints the plan and writes the Dockerfiles and a bake file with a group per mode', async () => {
    const out = path.join(scratch, 'out');
    const result = await bollyx(['docker', 'build', '--mode', 'docker-cpu', '--dry-run', '--json', '--out', out]);

    expect(result.exitCode, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({ ok: true, dryRun: true, mode: 'docker-cpu', files: { outDir: out, bakeFile: path.join(out, 'docker-bake.json') } });
    const names = printed.images.map((image: { name: string }) => image.name);
    expect(names.slice(0, 4)).toEqual(['base', 'vad', 'asr-whispercpp', 'base-ml']);
    const whisperx = printed.images.find((image: { name: string }) => image.name === 'whisperx');
    expect(whisperx).toMatchObject({ parent: 'base-ml', environment: { name: 'whisperx', variant: 'cpu' } });
    expect(await readFile(printed.files.dockerfiles.whisperx, 'utf8')).toContain(`FROM ${whisperx.parentRef}\n`);

    const bake = JSON.parse(await readFile(printed.files.bakeFile, 'utf8'));
    expect(Object.keys(bake.group).sort()).toEqual(['default', 'docker-cpu', 'docker-gpu', 'native']);
    expect(bake.group.default.targets).toEqual(names);
    expect(bake.target.whisperx.contexts).toEqual({ [whisperx.parentRef]: 'target:base-ml' });
  });

  it('exits 80 naming what to install when no container engine is available', async () => {
    const emptyPath = path.join(scratch, 'empty-path');
    await execa('mkdir', ['-p', emptyPath]);

    const result = await bollyx(['docker', 'build', '--mode', 'native', '--json', '--out', path.join(scratch, 'no-engine')], { PATH: emptyPath });

    expect(result.exitCode).toBe(80);
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1)!)).toMatchObject({
      ok: false,
      error: { code: 'CONTAINER_ENGINE_MISSING', hint: expect.stringContaining('apt-get install docker.io') },
    });
  });
});
