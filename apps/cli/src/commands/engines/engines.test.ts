import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { enginesDir } from '@bollyx/environment-manager';
import type { EngineRecord } from '@bollyx/environment-manager';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layOutPrebuiltPackage } from '../../../../../packages/environment-manager/src/engines/test-helpers/prebuilt-package';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
// The machine's engines folder (BOLLYX_ENGINES_DIR or the user cache): built once, shared with the library tests.
const sharedEngines = enginesDir();
let scratch: string;
let engine: EngineRecord;

const bollyx = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [cli, ...args], {
    env: { BOLLYX_CACHE_DIR: scratch, BOLLYX_ENGINES_DIR: sharedEngines, ...env },
    reject: false,
  });

const jsonLines = (stdout: string) => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-engines-'));
  // Builds the engine on a machine that has none yet (minutes), else finds it.
  const result = await bollyx(['engines', 'build', '--json']);
  expect(result.exitCode, result.stderr).toBe(0);
  const final = jsonLines(result.stdout).at(-1)!;
  expect(final).toMatchObject({ ok: true });
  engine = final.engine as EngineRecord;
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('bollyx engines build', () => {
  it('installs whisper.cpp in the engines folder and prints its record', async () => {
    expect(engine).toMatchObject({ name: 'whisper.cpp', version: '1.9.1', backend: 'cpu', buildKey: expect.stringMatching(new RegExp(`^${process.platform}-${process.arch}-cpu-`)) });
    expect(engine.binary).toBe(path.join(sharedEngines, engine.buildKey, 'bin', 'whisper-cli'));
    expect((await execa(engine.binary, ['--version'])).stdout).toContain('whisper.cpp version: 1.9.1');
  });

  it('says so when the engine is already built', async () => {
    const result = await bollyx(['engines', 'build']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^whisper\.cpp 1\.9\.1 for cpu is already built \(rebuild with --force\)/);
    expect(result.stdout).toContain(engine.binary);
  });

  it('exits 30 naming the missing tools and their install line when CMake is not installed', async () => {
    const emptyPath = path.join(scratch, 'empty-path');
    await execa('mkdir', ['-p', emptyPath]);

    const result = await bollyx(['engines', 'build', '--force', '--json'], { PATH: emptyPath });

    expect(result.exitCode).toBe(30);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      error: { code: 'ENGINE_TOOL_MISSING', hint: expect.stringContaining('apt-get install cmake make g++') },
    });
  });

  it('stops on Ctrl-C with exit code 130, keeping the build folder for the next run', async () => {
    const engines = path.join(scratch, 'interrupted');
    const build = execa(process.execPath, [cli, 'engines', 'build', '--json'], {
      env: { BOLLYX_CACHE_DIR: scratch, BOLLYX_ENGINES_DIR: engines },
      reject: false,
    });
    // Read to the end (leaving the loop early would close the CLI's stdout) and interrupt at the first compile step.
    for await (const line of build.iterable()) {
      if (JSON.parse(line).phase === 'compile' && !build.killed) build.kill('SIGINT');
    }
    const result = await build;

    expect(result.exitCode).toBe(130);
    expect(jsonLines(result.stdout).at(-1)).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect((await readdir(engines)).filter((name) => !name.startsWith('build-'))).toEqual([]);
  });
});

describe('bollyx engines list', () => {
  it('lists the installed engines as JSON, with the one this machine uses', async () => {
    const result = await bollyx(['engines', 'list', '--json']);

    expect(result.exitCode).toBe(0);
    const listed = JSON.parse(result.stdout);
    expect(listed).toMatchObject({ ok: true, dir: sharedEngines, current: engine.buildKey });
    expect(listed.engines).toContainEqual(engine);
  });

  it('marks the current engine in the table', async () => {
    const result = await bollyx(['engines', 'list']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`Engines in ${sharedEngines}`);
    expect(result.stdout).toMatch(new RegExp(`\\*\\s+whisper\\.cpp 1\\.9\\.1\\s+cpu\\s+.*${engine.binary}`));
  });

  it('lists the prebuilt engine package, the one this machine uses while nothing is built', async () => {
    const { from } = await layOutPrebuiltPackage(path.join(scratch, 'prebuilt'), engine);
    const env = { BOLLYX_ENGINES_DIR: path.join(scratch, 'none-built'), BOLLYX_PREBUILT_FROM: from };

    const listed = JSON.parse((await bollyx(['engines', 'list', '--json'], env)).stdout);
    const table = await bollyx(['engines', 'list'], env);

    expect(listed.engines).toMatchObject([{ origin: 'prebuilt', backend: 'cpu', binary: expect.stringContaining(from) }]);
    expect(listed.current).toBe(listed.engines[0].buildKey);
    expect(table.stdout).toMatch(/\*\s+whisper\.cpp 1\.9\.1\s+cpu \(prebuilt\)\s+/);
  });

  it('tells how to build one when the folder is empty', async () => {
    const empty = path.join(scratch, 'no-engines');

    const result = await bollyx(['engines', 'list'], { BOLLYX_ENGINES_DIR: empty });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`No engines built in ${empty} yet: run \`bollyx engines build\`.`);
  });
});
