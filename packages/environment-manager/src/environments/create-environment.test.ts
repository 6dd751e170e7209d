import childProcess from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildWheel } from '../../../../tools/python-wheel';
import { checkEnvironment } from './check-environment';
import { createEnvironment } from './create-environment';
import { environmentForFamily } from './environment-for-family';
import type { EnvironmentProgress } from './environment-progress';
import type { EnvironmentRecord } from './environment-record';
import { environmentsDir } from './environments-dir';
import { findPython } from './find-python';
import { removeEnvironment } from './remove-environment';
import { resolveInterpreter } from './resolve-interpreter';

// Real venvs, real pip, offline: the requirement is a wheel this test builds into its own wheelhouse.
let work: string;
let specsDir: string;
let wheelhouse: string;
let env: NodeJS.ProcessEnv;
let envDir: string;
let record: EnvironmentRecord;

const probeSource = (version: string) => ({ 'bollyx_probe_pkg/__init__.py': `VERSION = "${version}"\n` });
const probeSpec = (requirement: string, description = 'a test environment') => ({
  name: 'probe',
  description,
  python: '>=3.9',
  serves: ['tools'],
  requirements: [requirement],
  probes: ['bollyx_probe_pkg'],
});
const writeSpec = (spec: { name: string } & Record<string, unknown>) => writeFile(path.join(specsDir, `${spec.name}.yaml`), stringify(spec));
const options = () => ({ env, specsDir });
const offline = () => ({ ...options(), findLinks: [wheelhouse], noIndex: true, installer: 'pip' as const });
const importedVersion = async (interpreter: string) =>
  (await execa(interpreter, ['-c', 'import bollyx_probe_pkg; print(bollyx_probe_pkg.VERSION)'])).stdout.trim();
const folderEntries = async () => (await readdir(environmentsDir(env))).sort();

const uvOnPath = !(await execa('uv', ['--version'], { reject: false })).failed;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Every process this file's code starts goes through child_process.spawn (execa uses it): a spy on it
// shows whether a check started Python.
const spawned: string[] = [];
const realSpawn = childProcess.spawn;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'bollyx-envs-'));
  specsDir = path.join(work, 'specs');
  wheelhouse = path.join(work, 'wheelhouse');
  await mkdir(specsDir);
  env = { ...process.env, BOLLYX_CACHE_DIR: path.join(work, 'cache') };
  envDir = path.join(environmentsDir(env), 'probe');
  await buildWheel({ name: 'bollyx-probe-pkg', version: '1.0.0', files: probeSource('1.0.0'), outDir: wheelhouse });
  await writeSpec(probeSpec('bollyx-probe-pkg==1.0.0'));
  childProcess.spawn = ((...args: Parameters<typeof realSpawn>) => {
    spawned.push(String(args[0]));
    return realSpawn(...args);
  }) as typeof realSpawn;
  syncBuiltinESMExports();
});
afterAll(async () => {
  childProcess.spawn = realSpawn;
  syncBuiltinESMExports();
  await rm(work, { recursive: true, force: true });
});
beforeEach(() => {
  spawned.length = 0;
});

describe('an environment from a local wheelhouse', () => {
  it('is created with venv and pip, reporting progress, and recorded', async () => {
    const events: EnvironmentProgress[] = [];
    record = await createEnvironment('probe', { ...offline(), onProgress: (event) => events.push(event) });

    const python = await findPython('>=3.9', { env });
    expect(record).toMatchObject({
      name: 'probe',
      installer: 'pip',
      variant: 'cpu',
      platform: `${process.platform}-${process.arch}`,
      pythonVersion: python.version,
      interpreter: path.join(envDir, 'bin', 'python'),
      probes: { bollyx_probe_pkg: expect.stringMatching(new RegExp(`^${escapeRegExp(envDir)}/lib/python3\\.\\d+/site-packages/bollyx_probe_pkg/__init__\\.py$`)) },
      inputs: { python: '>=3.9', requirements: ['bollyx-probe-pkg==1.0.0'], probes: ['bollyx_probe_pkg'] },
    });
    expect(JSON.parse(await readFile(path.join(envDir, 'bollyx-environment.json'), 'utf8'))).toEqual(record);
    expect([...new Set(events.map((event) => event.phase))]).toEqual(['python', 'venv', 'install', 'probe', 'done']);
    expect(events.map((event) => event.fraction)).toEqual([...events.map((event) => event.fraction)].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ phase: 'done', fraction: 1 });
    expect(events.map((event) => event.message)).toContain('installing bollyx-probe-pkg');
    // No temp folder, trash or lock is left beside it.
    expect(await folderEntries()).toEqual(['probe']);
  });

  it('runs from its final folder after the rename (pyvenv.cfg names the base Python, not the venv)', async () => {
    const { stdout } = await execa(record.interpreter, ['-c', 'import sys, bollyx_probe_pkg; print(sys.prefix); print(bollyx_probe_pkg.__file__)']);
    expect(stdout.split('\n')).toEqual([envDir, record.probes.bollyx_probe_pkg]);
    expect((await execa(record.interpreter, ['-m', 'pip', '--version'])).stdout).toContain(envDir);
  });

  it('checks ok from its record and files alone, starting no Python; a deep check imports the probes', async () => {
    const status = await checkEnvironment('probe', options());
    expect(status).toMatchObject({ name: 'probe', state: 'ok', record });
    expect(status.fix).toBeUndefined();
    expect(spawned).toEqual([]);

    // The spy does see Python when a check starts it.
    expect(await checkEnvironment('probe', { ...options(), deep: true })).toMatchObject({ state: 'ok', reason: expect.stringContaining('bollyx_probe_pkg import') });
    expect(spawned).toEqual([record.interpreter]);
  });

  it('is returned as it is by a second create, which starts nothing', async () => {
    expect(await createEnvironment('probe', offline())).toEqual(record);
    expect(spawned).toEqual([]);
  });

  it('resolves the interpreter by environment name and by stage family', async () => {
    expect(await resolveInterpreter('probe', options())).toBe(record.interpreter);
    expect(await resolveInterpreter('tools', options())).toBe(record.interpreter);
  });

  it('goes stale when its spec changes, naming the change; a failed install keeps it intact', async () => {
    await writeSpec(probeSpec('bollyx-probe-pkg==1.1.0'));

    expect(await checkEnvironment('probe', options())).toMatchObject({
      state: 'stale',
      reason: 'the spec changed: requirement bollyx-probe-pkg==1.0.0 is now bollyx-probe-pkg==1.1.0',
      fix: 'bollyx env create probe',
    });
    await expect(resolveInterpreter('probe', options())).rejects.toMatchObject({ code: 'ENVIRONMENT_STALE', hint: "run `bollyx env create probe` to rebuild it (from code: `createEnvironment('probe')`)" });

    // 1.1.0 is not in the wheelhouse yet.
    const failed = await createEnvironment('probe', offline()).catch((error: unknown) => error);
    expect(failed).toMatchObject({
      code: 'ENVIRONMENT_CREATE_FAILED',
      message: expect.stringContaining('bollyx-probe-pkg==1.1.0'),
      hint: expect.stringContaining('--find-links DIR --no-index'),
      details: { step: 'install' },
    });
    expect(JSON.parse(await readFile(path.join(envDir, 'bollyx-environment.json'), 'utf8'))).toEqual(record);
    expect(await importedVersion(record.interpreter)).toBe('1.0.0');
    expect(await folderEntries()).toEqual(['probe']);
  });

  it('is rebuilt once the wheelhouse has the new version; a changed description alone changes nothing', async () => {
    await buildWheel({ name: 'bollyx-probe-pkg', version: '1.1.0', files: probeSource('1.1.0'), outDir: wheelhouse });
    const rebuilt = await createEnvironment('probe', offline());

    expect(rebuilt.specHash).not.toBe(record.specHash);
    expect(rebuilt.interpreter).toBe(record.interpreter);
    expect(await importedVersion(rebuilt.interpreter)).toBe('1.1.0');
    record = rebuilt;

    await writeSpec(probeSpec('bollyx-probe-pkg==1.1.0', 'the same environment, described anew'));
    expect(await checkEnvironment('probe', options())).toMatchObject({ state: 'ok' });
  });

  it('goes stale when the Python it was made from changed version', async () => {
    // Stand-in for an in-place upgrade of the base interpreter: the record claims another version and
    // another file state, so the check must start Python once to read the version it has now.
    const recordFile = path.join(envDir, 'bollyx-environment.json');
    const original = await readFile(recordFile, 'utf8');
    const claimed = { ...record, pythonVersion: '3.0.0', basePython: { ...record.basePython, mtimeMs: 0 } };
    await writeFile(recordFile, JSON.stringify(claimed));

    expect(await checkEnvironment('probe', options())).toMatchObject({
      state: 'stale',
      reason: `its Python changed from 3.0.0 to ${record.pythonVersion}`,
      fix: 'bollyx env create probe',
    });
    expect(spawned).toEqual([record.interpreter]);
    await writeFile(recordFile, original);
  });

  it('is broken under a deep check when a probe no longer imports', async () => {
    await writeFile(record.probes.bollyx_probe_pkg!, 'raise ImportError("broken on purpose")\n');

    expect(await checkEnvironment('probe', options())).toMatchObject({ state: 'ok' });
    expect(await checkEnvironment('probe', { ...options(), deep: true })).toMatchObject({
      state: 'broken',
      reason: 'import bollyx_probe_pkg fails: ImportError: broken on purpose',
      fix: 'bollyx env create probe --force',
    });
  });

  it('is broken when a probe package is deleted, naming the file', async () => {
    await rm(path.dirname(record.probes.bollyx_probe_pkg!), { recursive: true });

    expect(await checkEnvironment('probe', options())).toMatchObject({
      state: 'broken',
      reason: `probe bollyx_probe_pkg: ${record.probes.bollyx_probe_pkg} is gone`,
      fix: 'bollyx env create probe --force',
    });
    await expect(resolveInterpreter('tools', options())).rejects.toMatchObject({
      code: 'ENVIRONMENT_BROKEN',
      hint: "run `bollyx env create probe --force` to rebuild it (from code: `createEnvironment('probe', { force: true })`)",
    });
  });

  it('keeps the old environment and leaves no temp folder when a creation is cancelled mid-install', async () => {
    const controller = new AbortController();
    const cancelled = createEnvironment('probe', {
      ...offline(),
      force: true,
      signal: controller.signal,
      // The first line pip prints about the wheel: pip is running.
      onProgress: (event) => {
        if (event.message.startsWith('collecting')) controller.abort();
      },
    });

    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED', hint: 'run `bollyx env create probe` again' });
    expect(JSON.parse(await readFile(path.join(envDir, 'bollyx-environment.json'), 'utf8'))).toEqual(record);
    expect(await folderEntries()).toEqual(['probe']);
  });

  it('lets a second creation of the same name wait for the first, then use what it built', async () => {
    const waits: EnvironmentProgress[] = [];
    let firstHoldsLock!: () => void;
    const holding = new Promise<void>((resolve) => (firstHoldsLock = resolve));
    // Progress is reported only while holding the lock: the second starts once the first holds it.
    const first = createEnvironment('probe', { ...offline(), force: true, onProgress: (event) => event.phase === 'python' && firstHoldsLock() });
    await holding;
    const second = createEnvironment('probe', { ...offline(), onProgress: (event) => event.phase === 'waiting' && waits.push(event) });
    const [built, reused] = await Promise.all([first, second]);

    expect(waits).toEqual([expect.objectContaining({ message: `waiting for another creation of probe (process ${process.pid})` })]);
    expect(reused).toEqual(built);
    expect(built.createdAt > record.createdAt).toBe(true);
    expect(await checkEnvironment('probe', { ...options(), deep: true })).toMatchObject({ state: 'ok' });
    expect(await folderEntries()).toEqual(['probe']);
  });

  it('is removed, and then missing with the command that creates it', async () => {
    expect(await removeEnvironment('probe', options())).toEqual({ removed: true, path: envDir });
    expect(await checkEnvironment('probe', options())).toMatchObject({ state: 'missing', reason: `${envDir} does not exist`, fix: 'bollyx env create probe' });
    await expect(resolveInterpreter('probe', options())).rejects.toMatchObject({
      code: 'ENVIRONMENT_MISSING',
      message: expect.stringContaining('probe is not created'),
      hint: "run `bollyx env create probe` (from code: `createEnvironment('probe')`)",
    });
    expect(await removeEnvironment('probe', options())).toEqual({ removed: false, path: envDir });
    expect(await folderEntries()).toEqual([]);
  });
});

describe('platforms and installers', () => {
  const elsewhere = process.platform === 'darwin' && process.arch === 'arm64' ? 'linux-x64' : 'darwin-arm64';

  it('reports an environment for another platform as unsupported and refuses to create it', async () => {
    await writeSpec({ name: 'elsewhere', description: 'runs elsewhere only', python: '>=3.9', serves: ['asr-mlx'], platforms: [elsewhere], requirements: [], probes: ['json'] });

    expect(await checkEnvironment('elsewhere', options())).toMatchObject({
      state: 'unsupported',
      reason: `elsewhere runs on ${elsewhere} only; this machine is ${process.platform}-${process.arch}`,
    });
    await expect(createEnvironment('elsewhere', options())).rejects.toMatchObject({ code: 'ENVIRONMENT_UNSUPPORTED' });
    await expect(resolveInterpreter('asr-mlx', options())).rejects.toMatchObject({ code: 'ENVIRONMENT_UNSUPPORTED' });
    expect(await environmentForFamily('asr-mlx', { ...options(), platform: elsewhere })).toMatchObject({ name: 'elsewhere' });
  });

  it('fails a creation whose probe does not import, leaving nothing behind', async () => {
    await writeSpec({ name: 'unprovable', description: 'probes a module nothing installs', python: '>=3.9', serves: ['tools'], requirements: [], probes: ['json', 'bollyx_not_installed'] });

    await expect(createEnvironment('unprovable', { ...options(), installer: 'pip' })).rejects.toMatchObject({
      code: 'ENVIRONMENT_CREATE_FAILED',
      message: "creating the Python environment unprovable failed at probe: import bollyx_not_installed fails: ModuleNotFoundError: No module named 'bollyx_not_installed'",
      hint: 'read the output above, fix the spec or the Python it names, then run `bollyx env create unprovable --force`',
    });
    expect(await folderEntries()).toEqual([]);
  });

  it('says how to go on when uv is asked for and not on PATH', async () => {
    const emptyPath = path.join(work, 'empty-path');
    await mkdir(emptyPath, { recursive: true });
    const python = await findPython('>=3.9', { env });

    await expect(createEnvironment('probe', { ...offline(), installer: 'uv', python: python.path, env: { ...env, PATH: emptyPath } })).rejects.toMatchObject({
      code: 'ENVIRONMENT_CREATE_FAILED',
      details: { step: 'installer' },
      hint: 'install uv, or run `bollyx env create probe --installer pip`',
    });
    expect(await folderEntries()).toEqual([]);
  });

  it.skipIf(!uvOnPath)('creates with uv when it is on PATH', async () => {
    const created = await createEnvironment('probe', { ...offline(), installer: undefined });

    expect(created.installer).toBe('uv');
    expect(await importedVersion(created.interpreter)).toBe('1.1.0');
    expect(await checkEnvironment('probe', { ...options(), deep: true })).toMatchObject({ state: 'ok' });
    await removeEnvironment('probe', options());
  });
});
