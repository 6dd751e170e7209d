import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWhisperEngine } from './build-whisper-engine';
import type { EngineBuildProgress } from './engine-build-progress';
import { engineBinaryVersion } from './engine-binary-version';
import { planWhisperEngine } from './plan-whisper-engine';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-engine-build-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The mtime of every folder in `root`: a file created or removed anywhere in the tree changes one. */
async function folderTimes(root: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const folder of [root, ...entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(entry.parentPath, entry.name))]) {
    times.set(folder, (await stat(folder)).mtimeMs);
  }
  return times;
}

/** Processes whose working folder is inside `folder` (make and the compilers run in the build folder). */
async function processesWorkingIn(folder: string): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const cwds = await Promise.all(pids.map((pid) => readlink(`/proc/${pid}/cwd`).catch(() => '')));
  return pids.filter((_, i) => cwds[i]!.startsWith(folder)).map(Number);
}

describe('buildWhisperEngine', () => {
  it('names the missing build tools and how to install them', async () => {
    const emptyPath = path.join(dir, 'empty-path');
    await mkdir(emptyPath);

    const build = buildWhisperEngine({ dir: path.join(dir, 'no-tools'), env: { PATH: emptyPath } });

    await expect(build).rejects.toMatchObject({
      code: 'ENGINE_TOOL_MISSING',
      details: { tools: ['cmake', 'make', 'a C++ compiler (g++ or clang++)'] },
      hint: expect.stringMatching(process.platform === 'darwin' ? /xcode-select --install/ : /apt-get install cmake make g\+\+/),
    });
  });

  it('reports a failed CMake step with its log', async () => {
    const source = path.join(dir, 'broken-source');
    await mkdir(source);
    await writeFile(
      path.join(source, 'CMakeLists.txt'),
      'cmake_minimum_required(VERSION 3.14)\nproject("whisper.cpp" VERSION 9.9.9)\nmessage(FATAL_ERROR "broken on purpose")\n',
    );
    const engines = path.join(dir, 'broken');

    const error = await buildWhisperEngine({ dir: engines, sourceDir: source }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'ENGINE_BUILD_FAILED', details: { step: 'configure' } });
    const { logPath } = (error as { details: { logPath: string } }).details;
    expect(logPath.startsWith(engines)).toBe(true);
    expect(await readFile(logPath, 'utf8')).toContain('broken on purpose');
    expect((error as Error).message).toContain(logPath);
    expect((error as { hint: string }).hint).toContain('bollyx engines build --force');
  });

  it('stops cmake, make and the compilers when cancelled, keeping the build folder, installing nothing and never writing to the source', async () => {
    const engines = path.join(dir, 'cancelled');
    const { source } = await planWhisperEngine();
    const sourceTimes = await folderTimes(source.dir);
    const controller = new AbortController();
    const phases: string[] = [];

    const build = buildWhisperEngine({
      dir: engines,
      jobs: 2,
      signal: controller.signal,
      onProgress: ({ phase }) => {
        phases.push(phase);
        if (phase === 'compile') controller.abort();
      },
    });

    await expect(build).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(phases).toEqual(['configure', 'compile']);
    const entries = await readdir(engines);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/^build-/);
    expect(await processesWorkingIn(path.join(engines, entries[0]!))).toEqual([]);
    expect(await folderTimes(source.dir)).toEqual(sourceTimes);
  });

  it('starts the CMake folder afresh when it was configured from another source path (a moved checkout)', async () => {
    const engines = path.join(dir, 'moved');
    const { buildKey, source } = await planWhisperEngine();
    const cmakeDir = path.join(engines, `build-${buildKey}`, 'cmake');
    await mkdir(cmakeDir, { recursive: true });
    await writeFile(path.join(cmakeDir, 'CMakeCache.txt'), 'BOLLYX_WHISPER_SOURCE:PATH=/old/checkout/whisper.cpp\n');
    await writeFile(path.join(cmakeDir, 'stale-object.o'), '');
    const controller = new AbortController();

    const build = buildWhisperEngine({
      dir: engines,
      signal: controller.signal,
      onProgress: ({ phase }) => phase === 'compile' && controller.abort(),
    });

    await expect(build).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await readFile(path.join(cmakeDir, 'CMakeCache.txt'), 'utf8')).toContain(`BOLLYX_WHISPER_SOURCE:PATH=${source.dir}`);
    expect(existsSync(path.join(cmakeDir, 'stale-object.o'))).toBe(false);
  });

  it('rebuilds on force from the kept CMake folder, reporting progress, and records the new build', async () => {
    // In an engines folder of its own: rebuilding the shared engine would change it under the other
    // packages' tests running at the same time (a preflight check cached by the engine's record, for one).
    const engines = path.join(dir, 'forced');
    const before = await buildWhisperEngine({ dir: engines });
    const events: EngineBuildProgress[] = [];

    const record = await buildWhisperEngine({ dir: engines, force: true, onProgress: (event) => events.push(event) });

    expect(record.buildKey).toBe(before.buildKey);
    expect(record.binary).toBe(before.binary);
    expect(Date.parse(record.builtAt)).toBeGreaterThan(Date.parse(before.builtAt));
    expect(events.map((event) => event.phase)).toEqual(['configure', ...events.slice(1, -1).map(() => 'compile'), 'install']);
    const compiled = events.filter((event) => event.phase === 'compile').map((event) => event.percent);
    expect(compiled).toEqual([...compiled].sort((a, b) => a - b));
    expect(compiled.at(-1)).toBe(100);
    expect(await engineBinaryVersion(record.binary)).toBe('1.9.1');
    expect(existsSync(`${record.binary}.partial`)).toBe(false);
  }, 900_000);
});
