import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { pipelineSummarySchema } from './events';
import { writeStageScript } from './test-helpers/stage-script';
import { useTempDirs } from '../../../tools/test-temp-dir';

const tempDir = useTempDirs();
const srcDir = fileURLToPath(new URL('.', import.meta.url));
const distEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/** The engine's own source files: what the built dist must be newer than (stage implementations aside). */
function engineSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['stages', 'test-helpers'].includes(relative(srcDir, path)) ? [] : engineSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// A runner in its own process, using the built package, so that the test can SIGKILL it.
const RUNNER = String.raw`
const { runPipeline, binary } = await import(process.env.STAGE_RUNNER_DIST);
const config = JSON.parse(process.argv[2]);
const stage = (id, needs) => ({
  id,
  version: '1',
  needs,
  outputs: ['out/' + id + '.txt'],
  run: binary({
    command: process.execPath,
    args: (ctx) => [
      config.script,
      JSON.stringify({
        id,
        record: config.record,
        hangIfExists: id === 'b' ? config.hang : undefined,
        pidFile: id === 'b' ? config.pidFile : undefined,
        text: id + ';',
        outputs: ctx.outputs,
        inputs: Object.values(ctx.needs).flat(),
      }),
    ],
  }),
});
const summary = await runPipeline([stage('a', []), stage('b', ['a']), stage('c', ['b']), stage('d', ['a'])], {
  jobDir: config.jobDir,
  concurrency: 2,
});
process.stdout.write(JSON.stringify(summary));
`;

// One child started as the executors start theirs, with the guard the test names.
const GUARDED = String.raw`
const { guardedExeca } = await import(process.env.STAGE_RUNNER_DIST);
const config = JSON.parse(process.argv[2]);
const spec = { id: 'child', hangIfExists: config.hang, pidFile: config.pidFile, outputs: [], inputs: [] };
await guardedExeca(process.execPath, [config.script, JSON.stringify(spec)], { stdin: 'ignore' }, config.guard);
`;

/** Polls `condition`; `failed` says why waiting is pointless (the runner already exited). */
async function until(condition: () => Promise<boolean>, what: string, failed: () => string | undefined): Promise<void> {
  for (let tries = 0; tries < 600; tries += 1) {
    if (await condition()) return;
    const reason = failed();
    if (reason !== undefined) throw new Error(`${what}: ${reason}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** True once `pid` has ended: gone, or a zombie that its new parent has not reaped (a container's init may never). */
function hasEnded(pid: number): boolean {
  try {
    process.kill(pid, 0);
    if (process.platform !== 'linux') return false;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/**
 * Starts `fixture` (a runner), waits for the child it starts to write its pid, SIGKILLs the runner alone
 * (not its process group: only the guard may end the child), and says whether the child ended within 5 s.
 */
async function childEndsWithRunner(fixture: string, settings: Record<string, string>): Promise<boolean> {
  const dir = await tempDir();
  const config = {
    ...settings,
    jobDir: join(dir, 'job'),
    script: await writeStageScript(dir),
    hang: join(dir, 'hang'),
    pidFile: join(dir, 'child.pid'),
  };
  await writeFile(config.hang, '');
  const runnerPath = join(dir, 'runner.mjs');
  await writeFile(runnerPath, fixture);
  const runner = execa(process.execPath, [runnerPath, JSON.stringify(config)], {
    env: { STAGE_RUNNER_DIST: pathToFileURL(distEntry).href },
    reject: false,
  });
  let exited: string | undefined;
  void runner.then((result) => (exited = `the runner exited first (${result.exitCode}): ${String(result.stderr)}`));
  await until(async () => existsSync(config.pidFile), 'the child to start', () => exited);
  const child = Number(await readFile(config.pidFile, 'utf8'));

  process.kill(runner.pid!, 'SIGKILL');
  expect((await runner).signal).toBe('SIGKILL');
  const deadline = Date.now() + 5000;
  while (!hasEnded(child) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const ended = hasEnded(child);
  // A failed test leaves no orphan behind.
  if (!ended) process.kill(child, 'SIGKILL');
  return ended;
}

describe('a runner killed mid-stage', () => {
  beforeAll(() => {
    if (!existsSync(distEntry)) throw new Error('This test runs the built package: run `npm run build` in packages/stage-runner first');
    const built = statSync(distEntry).mtimeMs;
    const newer = engineSources(srcDir).filter((path) => statSync(path).mtimeMs > built);
    if (newer.length > 0) throw new Error(`dist is older than ${newer.map((path) => relative(srcDir, path)).join(', ')}: run \`npm run build\` first`);
  });

  it('loses only the stage that was running: the next run redoes it and its dependents, nothing else', async () => {
    const dir = await tempDir();
    const jobDir = join(dir, 'job');
    const config = {
      jobDir,
      script: await writeStageScript(dir),
      record: join(dir, 'record.txt'),
      hang: join(dir, 'hang'),
    };
    await writeFile(config.record, '');
    await writeFile(config.hang, '');
    const runnerPath = join(dir, 'runner.mjs');
    await writeFile(runnerPath, RUNNER);
    const runner = (options: { detached: boolean }) =>
      execa(process.execPath, [runnerPath, JSON.stringify(config)], {
        env: { STAGE_RUNNER_DIST: pathToFileURL(distEntry).href },
        reject: false,
        ...options,
      });
    const outDir = join(jobDir, 'out');

    // Its own process group, so one kill takes the runner and the stage it is running, like a power cut.
    const first = runner({ detached: true });
    let exited: string | undefined;
    void first.then((result) => (exited = `the runner exited first (${result.exitCode}): ${String(result.stderr)}`));
    await until(
      async () =>
        existsSync(join(jobDir, 'manifests/d.json')) &&
        (await readdir(outDir).catch(() => [])).some((name) => /^b\.partial-\w+\.txt$/.test(name)),
      'stage b to be half-way while d is done',
      () => exited,
    );
    process.kill(-first.pid!, 'SIGKILL');
    expect((await first).signal).toBe('SIGKILL');

    const leftovers = await readdir(outDir);
    expect(leftovers.filter((name) => name.startsWith('b.partial-'))).toHaveLength(1);
    expect(leftovers).not.toContain('b.txt');
    expect(existsSync(join(jobDir, 'manifests/b.json'))).toBe(false);
    expect(existsSync(join(jobDir, 'pipeline.lock'))).toBe(true);

    await writeFile(config.record, '');
    await rm(config.hang);
    const second = await runner({ detached: false });
    expect(second.exitCode, second.stderr).toBe(0);
    const summary = pipelineSummarySchema.parse(JSON.parse(second.stdout));

    expect(Object.fromEntries(summary.stages.map((stage) => [stage.id, stage.status]))).toEqual({
      a: 'cached',
      b: 'ran',
      d: 'cached',
      c: 'ran',
    });
    expect((await readFile(config.record, 'utf8')).split('\n').filter(Boolean)).toEqual(['b', 'c']);
    expect(await readdir(outDir)).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
    expect(await readFile(join(outDir, 'c.txt'), 'utf8')).toBe('c;b;a;');
    expect(existsSync(join(jobDir, 'pipeline.lock'))).toBe(false);
  });

  it('takes the subprocess of its running stage with it when it alone is SIGKILLed', async () => {
    expect(await childEndsWithRunner(RUNNER, {})).toBe(true);
  });

  it('takes a guarded child with it through the watchdog, the guard where setpriv is missing', async () => {
    expect(await childEndsWithRunner(GUARDED, { guard: 'watchdog' })).toBe(true);
  });
});
