import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { enginesDir, ensureWhisperEngine } from '@bollyx/environment-manager';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestWhisperModel } from '../../../tools/ggml-model';
import { seedSileroModel } from '../../../tools/silero-model';
import { mountsAvailable, mountTmpfs, type TestMount } from '../../../tools/test-mounts';
import { exitCodeFor } from './output/exit-codes';

/**
 * Every failure a user can meet, driven through the CLI: each case asserts the exit code, the `fix:` line,
 * and what is left on disk. Full and read-only disks are real tmpfs mounts (root on Linux, as in CI);
 * elsewhere those cases are skipped. Covered beside their commands instead: unknown flags on every verb
 * (main.test.ts), a SIGKILLed `prepare --copy` and `bollyx jobs clean` (commands/jobs/jobs.test.ts).
 */

const cli = path.resolve(import.meta.dirname, '../bin/bollyx.js');
const sample = path.resolve(import.meta.dirname, '../../../samples/sample-hi-en.mp4');
const testStarted = Date.now();
let root: string;
let movie: string;
let model: string;
/** TMPDIR of every run: nothing may be left in it (onnxruntime once left mat-debug-<pid>.log files). */
let tmp: string;
const mounts: TestMount[] = [];

const env = () => ({
  BOLLYX_CACHE_DIR: path.join(root, 'cache'),
  BOLLYX_ENGINES_DIR: enginesDir(),
  BOLLYX_MODELS_DIR: path.join(root, 'models'),
  BOLLYX_ASR_BEAM_SIZE: '1',
  TMPDIR: tmp,
});

/** `bollyx …` with the test's caches, not awaited: the caller may watch or kill it. */
const start = (args: readonly string[]): ResultPromise<{ reject: false; env: Record<string, string>; cwd: string }> =>
  execa(process.execPath, [cli, ...args], { reject: false, env: env(), cwd: root });
const bollyx = async (...args: string[]) => start(args);

/** A run of the sample in `workspace` with the test model: transcribe only, one whisper pass. */
const runArgs = (workspace: string, ...extra: string[]) => ['run', movie, '-s', 'hi', '--workflow', 'transcribe', '--model', model, '--workspace', workspace, ...extra];

/** The error `--json` printed last, with the exit code its code maps to. */
function jsonError(stdout: string): { code: string; message: string; hint?: string } {
  const last = JSON.parse(stdout.trim().split('\n').at(-1)!) as { ok: boolean; error: { code: string; message: string; hint?: string } };
  expect(last.ok).toBe(false);
  return last.error;
}

/** Exit code, error code and fix line, checked against each other: the exit code is the one the table gives. */
function expectFailure(result: { exitCode?: number; stdout: string; stderr: string }, code: string, exit: number): { message: string; hint?: string } {
  expect(exitCodeFor(code)).toBe(exit);
  expect(result.exitCode, result.stderr || result.stdout).toBe(exit);
  if (result.stdout.trim().startsWith('{')) {
    const error = jsonError(result.stdout);
    expect(error.code).toBe(code);
    expect(error.hint).toBeTruthy();
    return error;
  }
  expect(result.stderr).toMatch(/^ {2}fix: \S/m);
  expect(result.stderr).not.toContain('unexpected error');
  return { message: result.stderr };
}

async function jobDirOf(workspace: string): Promise<string> {
  const ids = await readdir(path.join(workspace, 'jobs'));
  expect(ids).toHaveLength(1);
  return path.join(workspace, 'jobs', ids[0]!);
}

/** Resolves once `file` exists (polled every few ms, as a stage's log appears when it starts). */
async function whenExists(file: () => string | undefined, until: ResultPromise): Promise<boolean> {
  while (until.exitCode === null) {
    const found = file();
    if (found !== undefined && existsSync(found)) return true;
    await sleep(5);
  }
  return false;
}

const stageLog = (workspace: string, stage: string) => () => {
  const jobs = path.join(workspace, 'jobs');
  const [id] = existsSync(jobs) ? readdirSync(jobs) : [];
  return id === undefined ? undefined : path.join(jobs, id, 'logs', `${stage}.log`);
};

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-failures-'));
  tmp = path.join(root, 'tmp');
  await mkdir(tmp);
  await ensureWhisperEngine();
  model = (await writeTestWhisperModel(path.join(root, 'ggml-test.bin'), { seed: 7 })).path;
  await seedSileroModel(path.join(root, 'models'));
  movie = path.join(root, 'film.mp4');
  await copyFile(sample, movie);
});

afterAll(async () => {
  for (const mount of mounts.splice(0)) await mount.unmount();
  await rm(root, { recursive: true, force: true });
});

async function tmpfs(sizeBytes: number): Promise<TestMount> {
  const mount = await mountTmpfs(sizeBytes);
  mounts.push(mount);
  return mount;
}

describe('failures a user can meet', () => {
  it('an unknown flag: exit 2 with the nearest real flag, before anything is made', async () => {
    const workspace = path.join(root, 'ws-flag');
    const result = await bollyx(...runArgs(workspace), '--modle', model);
    expect(expectFailure(result, 'USAGE', 2).message).toContain('did you mean --model?');
    expect(existsSync(workspace)).toBe(false);
  });

  it.skipIf(!mountsAvailable)('a disk full before the run: DISK_FULL with the path, the space free and needed; no job folder left', async () => {
    const disk = await tmpfs(1024 * 1024);
    disk.fill();
    const error = expectFailure(await bollyx(...runArgs(disk.dir, '--json')), 'DISK_FULL', 90);
    expect(error.message).toMatch(/Cannot write .*jobs.*: the disk is full \([\d.]+ K?B free, [\d.]+ KB needed\)/);
    expect(error.hint).toContain('run the same command again');
    expect(await readdir(path.join(disk.dir, 'jobs'))).toEqual([]);
  });

  it.skipIf(!mountsAvailable)('the disk filling during asr, then during mux: DISK_FULL, nothing under a final name, resumed after freeing space', async () => {
    const disk = await tmpfs(24 * 1024 * 1024);
    const run = start(runArgs(disk.dir, '--json'));
    expect(await whenExists(stageLog(disk.dir, 'asr'), run)).toBe(true);
    disk.fill();
    expectFailure(await run, 'DISK_FULL', 90);
    const jobDir = await jobDirOf(disk.dir);
    // whisper-cli exits 0 with an empty JSON file on a full disk: it must not land as the transcript.
    expect(await readdir(path.join(jobDir, 'transcripts'))).toEqual([]);
    expect(existsSync(path.join(jobDir, 'manifests', 'asr.json'))).toBe(false);

    await disk.free();
    const resumed = await bollyx(...runArgs(disk.dir, '--json'));
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout.trim().split('\n').at(-1)!) as { stages: { id: string; status: string }[] };
    expect(Object.fromEntries(summary.stages.map((stage) => [stage.id, stage.status]))).toMatchObject({ demux: 'cached', vad: 'cached', asr: 'ran', mux: 'ran' });

    // Mux again, with the disk filling as it starts: the disk-full code and fix, not the mux's own.
    await rm(path.join(jobDir, 'output'), { recursive: true });
    await rm(path.join(jobDir, 'manifests', 'mux.json'));
    await rm(path.join(jobDir, 'logs', 'mux.log'));
    const remux = start(runArgs(disk.dir, '--json'));
    expect(await whenExists(stageLog(disk.dir, 'mux'), remux)).toBe(true);
    disk.fill();
    const error = expectFailure(await remux, 'DISK_FULL', 90);
    expect(error.message).toContain('Stage mux failed');
    expect(await readdir(path.join(jobDir, 'output')).catch(() => [])).toEqual([]);
    await disk.free();
  });

  it.skipIf(!mountsAvailable)('preflight on a nearly full disk: sizes in units that show the numbers', async () => {
    const disk = await tmpfs(1024 * 1024);
    await writeFile(path.join(disk.dir, 'bollyx.config.yaml'), `asr:\n  model: ${model}\n`);
    disk.fill();
    const result = await bollyx('preflight', movie, '--workspace', disk.dir);
    const { message } = expectFailure(result, 'DISK_FULL', 90);
    expect(message).toMatch(/\b\d+(\.\d)? (B|KB) free at .*; the job needs about [\d.]+ (KB|MB)/);
    expect(message).not.toContain('0.00 GB');
  });

  it.skipIf(!mountsAvailable)('a read-only workspace: WORKSPACE_INVALID, saying so', async () => {
    const disk = await tmpfs(1024 * 1024);
    await mkdir(path.join(disk.dir, 'jobs'));
    disk.readOnly();
    const { message } = expectFailure(await bollyx(...runArgs(disk.dir)), 'WORKSPACE_INVALID', 25);
    expect(message).toContain('read-only');
  });

  it('a workspace that cannot be made: WORKSPACE_INVALID, naming what is in the way', async () => {
    const underFile = expectFailure(await bollyx(...runArgs(path.join(movie, 'ws'))), 'WORKSPACE_INVALID', 25);
    expect(underFile.message).toContain(`${movie} is a file`);
    await symlink(path.join(root, 'unmounted-disk'), path.join(root, 'dangling'));
    const dangling = expectFailure(await bollyx(...runArgs(path.join(root, 'dangling', 'ws'))), 'WORKSPACE_INVALID', 25);
    expect(dangling.message).toContain(`${path.join(root, 'dangling')} is a broken link`);
  });

  it('--output-dir naming a file: a usage error before any work', async () => {
    const workspace = path.join(root, 'ws-output-dir');
    const { message } = expectFailure(await bollyx(...runArgs(workspace, '--output-dir', movie)), 'RUN_OPTIONS_INVALID', 2);
    expect(message).toContain(`${movie} is a file`);
    expect(existsSync(workspace)).toBe(false);
  });

  it('a folder of films: media that is a directory, with no advice to delete it', async () => {
    const films = path.join(root, 'films');
    await mkdir(films, { recursive: true });
    const { message } = expectFailure(await bollyx('run', films, '--workspace', path.join(root, 'ws-films')), 'MEDIA_NOT_A_FILE', 14);
    expect(message).toContain('is a directory');
    expect(message).not.toContain('delete');
    expect(existsSync(films)).toBe(true);
  });

  it('a file name with a leading dash, and a URL: named as typed, with the way round', async () => {
    const dash = expectFailure(await bollyx('run', '-leading-dash.mp4'), 'USAGE', 2);
    expect(dash.message).toContain('write ./-leading-dash.mp4 or put -- before it');
    const url = expectFailure(await bollyx('run', 'https://example.com/movie.mp4', '--workspace', path.join(root, 'ws-url')), 'MEDIA_NOT_FOUND', 13);
    expect(url.message).toContain('https://example.com/movie.mp4 is a URL');
    expect(url.message).toContain('Download it first');
  });

  it('a model that is no ggml file, or cut short: the model code from preflight, before any stage', async () => {
    const cut = path.join(root, 'cut.bin');
    await copyFile(model, cut);
    await truncate(cut, 40_000_000);
    for (const [bad, says] of [
      ['/etc/passwd', 'not a ggml file'],
      [cut, 'truncated'],
    ] as const) {
      const workspace = path.join(root, `ws-model-${path.basename(bad)}`);
      const { message } = expectFailure(await bollyx('run', movie, '-s', 'hi', '--model', bad, '--workspace', workspace), 'MODEL_FILE_INVALID', 38);
      expect(message).toContain(says);
      expect(await readdir(path.join(await jobDirOf(workspace), 'logs'))).toEqual([]);
    }
  });

  it('--from with --only, and a stage that does not exist: usage errors before a job is made', async () => {
    const workspace = path.join(root, 'ws-stages');
    expectFailure(await bollyx(...runArgs(workspace, '--from', 'asr', '--only', 'vad')), 'RUN_OPTIONS_INVALID', 2);
    const { message } = expectFailure(await bollyx(...runArgs(workspace, '--from', 'as')), 'RUN_OPTIONS_INVALID', 2);
    expect(message).toContain('Did you mean asr?');
    expect(existsSync(workspace)).toBe(false);
  });

  it('--only demux, then --only vad: a summary of what exists, no outputs that were never written', async () => {
    const workspace = path.join(root, 'ws-only');
    const prepared = await bollyx('prepare', movie, '-s', 'hi', '--workflow', 'transcribe', '--model', model, '--workspace', workspace, '--json');
    const { id } = JSON.parse(prepared.stdout) as { id: string };
    for (const stage of ['demux', 'vad']) {
      const result = await bollyx('run', id, '--only', stage, '--workspace', workspace, '--json');
      expect(result.exitCode, result.stderr).toBe(0);
      const summary = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { outputs: unknown; speechFound?: boolean };
      expect(summary.outputs).toEqual({ subtitles: {}, video: {} });
      expect(summary.speechFound).toBe(stage === 'vad' ? true : undefined);
      const human = await bollyx('run', id, '--only', stage, '--workspace', workspace);
      expect(human.stdout).toContain('Outputs: none yet');
    }
  });

  it.skipIf(process.platform !== 'linux')('SIGKILL of bollyx alone during asr: whisper-cli dies with it', async () => {
    const workspace = path.join(root, 'ws-kill');
    const run = start(runArgs(workspace));
    expect(await whenExists(stageLog(workspace, 'asr'), run)).toBe(true);
    // The whisper-cli bollyx started: a child of its process.
    let whisper: number | undefined;
    for (let tries = 0; whisper === undefined && tries < 400; tries += 1) {
      const children = await readFile(`/proc/${run.pid}/task/${run.pid}/children`, 'utf8').catch(() => '');
      for (const pid of children.split(' ').filter(Boolean).map(Number)) {
        if ((await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).includes('whisper-cli')) whisper = pid;
      }
      if (whisper === undefined) await sleep(10);
    }
    expect(whisper).toBeDefined();
    process.kill(run.pid!, 'SIGKILL');
    await run;
    // Gone, or a zombie waiting for a reaper (this container's init may not reap): not running either way.
    const running = async () => {
        const state = await readFile(`/proc/${whisper}/stat`, 'utf8').catch(() => undefined);
      return state !== undefined && !/\) Z /.test(state);
    };
    for (let waited = 0; (await running()) && waited < 5000; waited += 50) await sleep(50);
    expect(await running()).toBe(false);
  });

  it('--diarize without its environment: the exit code the docs give for that code', async () => {
    const result = await bollyx(...runArgs(path.join(root, 'ws-diarize'), '--diarize', '--json'));
    const error = jsonError(result.stdout);
    expect(result.exitCode).toBe(exitCodeFor(error.code));
    expect(['PREFLIGHT_FAILED', 'ENVIRONMENT_MISSING']).toContain(error.code);
    expect(error.message).toContain('environment pyannote is missing');
  });

  it('runs leave nothing outside the job and the caches', async () => {
    expect(await readdir(tmp)).toEqual([]);
    const strays = (await readdir(os.tmpdir())).filter((name) => name.startsWith('mat-debug-'));
    const fresh = [];
    for (const name of strays) if ((await stat(path.join(os.tmpdir(), name))).mtimeMs >= testStarted) fresh.push(name);
    expect(fresh).toEqual([]);
  });
});
