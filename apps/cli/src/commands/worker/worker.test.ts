import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFilmMachine, type FilmMachine } from '../../../../../tools/test-film-machine';
import { fakeNvidiaSmi, nvidiaSmiWithH100s } from '../../../../../tools/test-nvidia-smi';
import { startPrivateRedis, type PrivateRedis } from '../../../../../tools/test-redis';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
let root: string;
let redis: PrivateRedis;
let machine: FilmMachine;
let shortFilm: string;
let longFilm: string;
let cancelledFilm: string;
let stoppedFilm: string;
const workers: WorkerProcess[] = [];

interface WorkerEvent {
  type: string;
  id?: string;
  progress?: { stage?: string };
  failure?: { code: string; worker: string };
  summary?: { stages: { id: string; status: string }[] };
  worker?: string;
  workers?: { device: string; gpu?: number }[];
}

/** A `bollyx worker --json` child in its own process group (so a kill takes its whisper-cli too), its events as they come. */
class WorkerProcess {
  readonly events: WorkerEvent[] = [];
  readonly process: ResultPromise;
  private waiters: (() => void)[] = [];

  constructor(env: Record<string, string> = {}) {
    // Short locks: a killed worker's film is taken over within seconds instead of BullMQ's 30 s.
    this.process = execa(process.execPath, [cli, 'worker', '--json', '--lockDuration', '3000', '--stalledInterval', '1000'], {
      env: { ...machine.env, BOLLYX_REDIS_URL: redis.url, ...env },
      detached: true,
      reject: false,
    });
    createInterface({ input: this.process.stdout! }).on('line', (line) => {
      this.events.push(JSON.parse(line) as WorkerEvent);
      for (const wake of this.waiters.splice(0)) wake();
    });
    workers.push(this);
  }

  async waitFor(match: (event: WorkerEvent) => boolean, timeoutMs = 150_000): Promise<WorkerEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such event in ${JSON.stringify(this.events.slice(-5))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 1_000);
      });
    }
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  killGroup(): void {
    process.kill(-this.process.pid!, 'SIGKILL');
  }
}

const bollyx = (args: string[]) => execa(process.execPath, [cli, ...args], { env: { ...machine.env, BOLLYX_REDIS_URL: redis.url }, reject: false });
const json = <T>(stdout: string): T => JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
const submit = async (film: string) => {
  const settings = machine.settings;
  const result = await bollyx(['submit', film, '-s', settings.sourceLanguage!, '--workflow', settings.workflow!, '--model', settings.model!, '--no-vad', '--no-mux', '--json']);
  expect(result.exitCode, result.stderr).toBe(0);
  return json<{ jobs: { id: string }[] }>(result.stdout).jobs[0]!.id;
};
const jobStatus = async (id: string) => {
  const status = json<{ queues: { jobs: { id: string; state: string; attemptsMade: number; failure?: { code: string } }[] }[] }>((await bollyx(['queue', 'status', '--json'])).stdout);
  return status.queues[0]!.jobs.find((job) => job.id === id);
};
const isJob = (id: string, type: string) => (event: WorkerEvent) => event.type === type && event.id === id;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-worker-'));
  redis = await startPrivateRedis(root);
  machine = await prepareFilmMachine(path.join(root, 'machine'));
  shortFilm = await machine.film('short', 1);
  longFilm = await machine.film('long', 4);
  // Another length: the same bytes would be the same, finished job.
  cancelledFilm = await machine.film('cancelled', 5);
  stoppedFilm = await machine.film('stopped', 3);
});

afterAll(async () => {
  for (const worker of workers) if (worker.alive) worker.killGroup();
  await redis?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('bollyx worker, submit and queue', () => {
  it('says Redis is unreachable, with its exit code and without the password, in seconds', async () => {
    const started = Date.now();
    const result = await bollyx(['queue', 'status', '--redis', `redis://bollyx:s3cret@127.0.0.1:${redis.port + 1}`]);
    expect(result.exitCode).toBe(100);
    expect(result.stderr).toContain(`Redis at redis://***@127.0.0.1:${redis.port + 1} is not reachable: connect ECONNREFUSED`);
    expect(result.stderr).toContain('fix: ');
    expect(result.stderr).not.toContain('s3cret');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  let survivor: WorkerProcess;

  it('gives the film of a killed worker to another, which finishes it from the stages already done', async () => {
    const pair = [new WorkerProcess(), new WorkerProcess()];
    await Promise.all(pair.map((worker) => worker.waitFor((event) => event.type === 'worker-ready')));
    const id = await submit(longFilm);
    // Killed with its children while it recognises speech: demuxing is done and on disk.
    const first = await Promise.race(pair.map((worker) => worker.waitFor((event) => isJob(id, 'job-progress')(event) && event.progress?.stage === 'asr').then(() => worker)));
    first.killGroup();
    survivor = pair.find((worker) => worker !== first)!;

    const done = await survivor.waitFor(isJob(id, 'job-done'));
    const stages = Object.fromEntries(done.summary!.stages.map((stage) => [stage.id, stage.status]));
    expect(stages.demux).toBe('cached');
    expect(stages.asr).toBe('ran');
    expect((await jobStatus(id))?.state).toBe('completed');
  });

  it('cancels a running film: it fails as CANCELLED, the worker runs on, and retry runs it again', async () => {
    const id = await submit(cancelledFilm);
    await survivor.waitFor(isJob(id, 'job-start'));
    const cancelled = await bollyx(['queue', 'cancel', id, '--json']);
    expect(cancelled.exitCode, cancelled.stderr).toBe(0);
    expect(json(cancelled.stdout)).toMatchObject({ ok: true, id, outcome: 'cancelling' });
    const failed = await survivor.waitFor(isJob(id, 'job-failed'));
    expect(failed.failure?.code).toBe('CANCELLED');
    expect(await jobStatus(id)).toMatchObject({ state: 'failed', failure: { code: 'CANCELLED' } });
    expect(survivor.alive).toBe(true);

    expect((await bollyx(['queue', 'retry', id])).exitCode).toBe(0);
    await survivor.waitFor((event) => isJob(id, 'job-done')(event));
    expect((await jobStatus(id))?.state).toBe('completed');
    expect((await bollyx(['queue', 'retry', 'no-such-job'])).exitCode).toBe(101);
  });

  it('outlives a Redis restart and runs a film submitted after it', async () => {
    await redis.stop();
    const errorsBefore = survivor.events.length;
    await survivor.waitFor((event) => event.type === 'redis-error' && survivor.events.indexOf(event) >= errorsBefore);
    await redis.restart();
    const id = await submit(shortFilm);
    await survivor.waitFor(isJob(id, 'job-done'));
    expect(survivor.alive).toBe(true);

    const clean = await bollyx(['queue', 'clean', '--json']);
    expect(json(clean.stdout)).toMatchObject({ removed: { completed: [id], failed: [] } });
  });

  it('stops at a second SIGTERM, putting its film back for another worker without spending a try; stops cleanly at one', async () => {
    const other = new WorkerProcess();
    await other.waitFor((event) => event.type === 'worker-ready');
    const id = await submit(stoppedFilm);
    const pair = [survivor, other];
    const running = await Promise.race(pair.map((worker) => worker.waitFor(isJob(id, 'job-start')).then(() => worker)));
    running.process.kill('SIGTERM');
    await running.waitFor((event) => event.type === 'worker-closing');
    running.process.kill('SIGTERM');
    const stopped = await running.process;
    expect(stopped.exitCode, `${stopped.signal} ${stopped.stderr}`).toBe(130);
    expect(running.events.some(isJob(id, 'job-released'))).toBe(true);

    const remaining = pair.find((worker) => worker !== running)!;
    await remaining.waitFor(isJob(id, 'job-done'));
    // One try counted, the one that finished: the stopped run was not a try.
    expect(await jobStatus(id)).toMatchObject({ state: 'completed', attemptsMade: 1 });

    remaining.process.kill('SIGTERM');
    expect((await remaining.process).exitCode).toBe(0);
    expect(remaining.events.at(-1)).toEqual({ type: 'worker-closed' });
  });

  it('runs three films over two workers, each running at least one', async () => {
    const pair = [new WorkerProcess(), new WorkerProcess()];
    await Promise.all(pair.map((worker) => worker.waitFor((event) => event.type === 'worker-ready')));
    const films = await Promise.all([2, 6, 7].map((sentences) => machine.film(`shared-${sentences}`, sentences)));
    const ids = await Promise.all(films.map(submit));
    const doneBy = await Promise.all(ids.map((id) => Promise.race(pair.map((worker) => worker.waitFor(isJob(id, 'job-done')).then(() => worker)))));
    expect(new Set(doneBy).size).toBe(2);
    for (const id of ids) expect((await jobStatus(id))?.state).toBe('completed');
    for (const worker of pair) worker.process.kill('SIGTERM');
    expect((await Promise.all(pair.map((worker) => worker.process))).map((result) => result.exitCode)).toEqual([0, 0]);
  });

  it('starts one worker process per NVIDIA GPU, each bound to its GPU, and stops them all at SIGTERM', async () => {
    const bin = await fakeNvidiaSmi(path.join(root, 'gpus'), nvidiaSmiWithH100s(2));
    // Its own hardware cache: the CPU profile the workers above cached has no GPU.
    const gpus = new WorkerProcess({ PATH: `${bin}${path.delimiter}${process.env.PATH}`, BOLLYX_CACHE_DIR: path.join(root, 'gpus', 'cache') });
    const plan = await gpus.waitFor((event) => event.type === 'worker-plan', 30_000);
    expect(plan.workers).toEqual([expect.objectContaining({ device: 'cuda', gpu: 0 }), expect.objectContaining({ device: 'cuda', gpu: 1 })]);
    const ready = await Promise.all([0, 1].map((gpu) => gpus.waitFor((event) => event.type === 'worker-ready' && event.worker!.startsWith(`${os.hostname()}/gpu${gpu}/`), 30_000)));
    expect(ready.map((event) => event.worker)).toEqual([expect.stringMatching(/\/gpu0\/\d+$/), expect.stringMatching(/\/gpu1\/\d+$/)]);

    gpus.process.kill('SIGTERM');
    const stopped = await gpus.process;
    expect(stopped.exitCode, String(stopped.stderr)).toBe(0);
    expect(gpus.events.filter((event) => event.type === 'worker-closed')).toHaveLength(2);
  });
});
