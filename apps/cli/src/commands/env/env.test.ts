import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWheel } from '../../../../../tools/python-wheel';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
let scratch: string;
let specsDir: string;
let wheelhouse: string;

const bollyx = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [cli, ...args], { env: { BOLLYX_CACHE_DIR: path.join(scratch, 'cache'), BOLLYX_ENV_SPECS_DIR: specsDir, ...env }, reject: false });
const jsonLines = (stdout: string) => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
const environmentsDir = () => path.join(scratch, 'cache', 'environments');

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-env-'));
  specsDir = path.join(scratch, 'specs');
  wheelhouse = path.join(scratch, 'wheelhouse');
  await mkdir(specsDir);
  // The shipped `common` needs numpy and soundfile, which cannot be fetched here: this `common` (JSON is
  // YAML) needs a wheel the test builds, so the offline install is real end to end.
  await buildWheel({ name: 'bollyx-common-probe', version: '1.0.0', files: { 'bollyx_common_probe.py': 'READY = True\n' }, outDir: wheelhouse });
  const spec = (name: string) => ({
    name,
    description: `${name} for the CLI test`,
    python: '>=3.9',
    serves: ['tools'],
    requirements: ['bollyx-common-probe==1.0.0'],
    probes: ['bollyx_common_probe'],
  });
  await writeFile(path.join(specsDir, 'common.yaml'), JSON.stringify(spec('common')));
  await writeFile(path.join(specsDir, 'spare.yaml'), JSON.stringify(spec('spare')));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('bollyx env list', () => {
  it('shows every shipped spec on a fresh cache, each missing (or unsupported on this platform)', async () => {
    const result = await bollyx(['env', 'list', '--json'], { BOLLYX_ENV_SPECS_DIR: '' });

    expect(result.exitCode, result.stderr).toBe(0);
    const listed = JSON.parse(result.stdout) as { ok: boolean; dir: string; environments: Array<{ name: string; state: string; fix?: string }> };
    expect(listed).toMatchObject({ ok: true, dir: environmentsDir() });
    const apple = process.platform === 'darwin' && process.arch === 'arm64';
    expect(listed.environments.map(({ name, state }) => [name, state])).toEqual([
      ['common', 'missing'],
      ['indictrans2', 'missing'],
      ['mlx', apple ? 'missing' : 'unsupported'],
      ['pyannote', 'missing'],
      ['whisperx', 'missing'],
    ]);
    expect(listed.environments[4]!.fix).toBe('bollyx env create whisperx');
  });
});

describe('bollyx env create, check and remove', () => {
  it('creates common from a local wheelhouse with --find-links DIR --no-index, reporting progress', async () => {
    const result = await bollyx(['env', 'create', 'common', '--find-links', wheelhouse, '--no-index', '--json']);

    expect(result.exitCode, result.stderr).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines.filter((line) => line.event === 'progress').map((line) => line.phase)).toEqual(
      expect.arrayContaining(['python', 'venv', 'install', 'probe', 'done']),
    );
    const final = lines.at(-1)!;
    expect(final).toMatchObject({ ok: true, created: true, environment: { name: 'common', variant: 'cpu', interpreter: path.join(environmentsDir(), 'common', 'bin', 'python') } });
    const interpreter = (final.environment as { interpreter: string }).interpreter;
    expect((await execa(interpreter, ['-c', 'import bollyx_common_probe; print(bollyx_common_probe.READY)'])).stdout).toBe('True');
  });

  it('says an environment that is ok is already created', async () => {
    const result = await bollyx(['env', 'create', 'common', '--wheelhouse', wheelhouse]);

    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^The Python environment common is already created and ok \(rebuild with --force\)\n/);
  });

  it('checks it ok, with a deep check importing the probes', async () => {
    const quick = await bollyx(['env', 'check', 'common', '--json']);
    expect(quick.exitCode, quick.stderr).toBe(0);
    expect(JSON.parse(quick.stdout)).toMatchObject({ ok: true, environments: [{ name: 'common', state: 'ok' }] });

    const deep = await bollyx(['env', 'check', 'common', '--deep']);
    expect(deep.exitCode, deep.stderr).toBe(0);
    expect(deep.stdout).toMatch(/\n {2}common +ok +tools +Python 3\.\d+\.\d+, cpu, (pip|uv), created /);
  });

  it('exits 61 for an environment never created, naming the command that creates it', async () => {
    const result = await bollyx(['env', 'check', 'spare', '--json']);

    expect(result.exitCode).toBe(61);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      environments: [{ name: 'spare', state: 'missing' }],
      error: { code: 'ENVIRONMENT_MISSING', hint: "run `bollyx env create spare` (from code: `createEnvironment('spare')`)" },
    });
    // Checking every environment reports the missing one without failing: only created ones can go bad.
    const all = await bollyx(['env', 'check']);
    expect(all.exitCode, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/\n {2}spare +missing +tools/);
  });

  it('exits 60 for an unknown name and 2 for a bad option value', async () => {
    const unknown = await bollyx(['env', 'check', 'whisprx']);
    expect(unknown.exitCode).toBe(60);
    expect(unknown.stderr).toBe('bollyx: unknown environment "whisprx"; known environments: common, spare\n  fix: run `bollyx env list` for the environments bollyx knows');

    const variant = await bollyx(['env', 'create', 'common', '--variant', 'rocm']);
    expect(variant.exitCode).toBe(2);
  });

  it('stops on Ctrl-C with exit code 130, keeping the environment it had', async () => {
    const create = execa(process.execPath, [cli, 'env', 'create', 'common', '--force', '--wheelhouse', wheelhouse, '--json'], {
      env: { BOLLYX_CACHE_DIR: path.join(scratch, 'cache'), BOLLYX_ENV_SPECS_DIR: specsDir },
      reject: false,
    });
    // Read to the end (leaving the loop early would close the CLI's stdout) and interrupt once pip runs.
    for await (const line of create.iterable()) {
      const event = JSON.parse(line) as { phase?: string };
      if (event.phase === 'install' && !create.killed) create.kill('SIGINT');
    }
    const result = await create;

    expect(result.exitCode).toBe(130);
    expect(jsonLines(result.stdout).at(-1)).toMatchObject({ ok: false, error: { code: 'CANCELLED', hint: 'run `bollyx env create common` again' } });
    expect(await readdir(environmentsDir())).toEqual(['common']);
    expect((await bollyx(['env', 'check', 'common'])).exitCode).toBe(0);
  });

  it('removes it, after which a check exits 61', async () => {
    const removed = await bollyx(['env', 'remove', 'common', '--json']);
    expect(removed.exitCode, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout)).toEqual({ ok: true, name: 'common', removed: true, path: path.join(environmentsDir(), 'common') });

    const check = await bollyx(['env', 'check', 'common']);
    expect(check.exitCode).toBe(61);
    expect(check.stderr).toContain('fix: run `bollyx env create common`');
  });
});
