import { existsSync } from 'node:fs';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { inProcess } from './executors/in-process';
import { hostIdentity } from './host-identity';
import { diamond, makeJob, statuses } from './test-helpers/pipeline-job';
import { scriptStage } from './test-helpers/stage-script';
import { useTempDirs } from '../../../tools/test-temp-dir';

const tempDir = useTempDirs();

/** A lock as another runner writes it; `heartbeatAgeMs` back-dates its mtime, the heartbeat. */
async function writeLock(path: string, holder: { pid: number; hostname: string; bootId?: string }, heartbeatAgeMs = 0): Promise<void> {
  await writeFile(path, JSON.stringify({ ...holder, runId: 'other', startedAt: new Date().toISOString() }));
  const beat = new Date(Date.now() - heartbeatAgeMs);
  await utimes(path, beat, beat);
}

describe('the job lock', () => {
  it('refuses a job folder another live runner holds, takes over a dead one, and clears stale partial outputs', async () => {
    const job = await makeJob(await tempDir());
    const stages = [scriptStage(job.script, { id: 'a', outputs: ['out/a.txt'] })];
    await job.run(stages);
    const lock = join(job.jobDir, 'pipeline.lock');

    await writeLock(lock, { hostname: hostname(), pid: process.pid });
    await expect(job.run(stages, { force: true })).rejects.toMatchObject({ code: 'PIPELINE_LOCKED', details: { pid: process.pid } });

    const finished = execa(process.execPath, ['-e', '']);
    await finished;
    await writeLock(lock, { hostname: hostname(), pid: finished.pid! });
    const stalePartial = join(job.jobDir, 'out/a.partial-k1ll3d.txt');
    await writeFile(stalePartial, 'half');
    expect(statuses(await job.run(stages))).toEqual({ a: 'cached' });
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(stalePartial)).toBe(false);
  });

  it("refuses another machine's lock while its heartbeat is fresh, naming host and pid, and takes it over once stale", async () => {
    const job = await makeJob(await tempDir());
    const stages = diamond(job);
    await job.run(stages);
    const lock = join(job.jobDir, 'pipeline.lock');
    // A pid that is alive here means nothing there: only the heartbeat counts.
    const foreign = { hostname: 'gpu-box-7', pid: 4242 };

    await writeLock(lock, foreign, 60_000);
    const locked = job.run(stages);
    await expect(locked).rejects.toMatchObject({
      code: 'PIPELINE_LOCKED',
      message: 'Another bollyx run (pid 4242 on gpu-box-7) is using this job',
      details: { hostname: 'gpu-box-7', pid: 4242, staleMs: 120_000 },
    });
    await expect(locked).rejects.toHaveProperty('hint', expect.stringMatching(/pid 4242 on gpu-box-7.*120 s old \(now 60 s/));

    await writeLock(lock, foreign, 3 * 60_000);
    expect(statuses(await job.run(stages))).toEqual({ a: 'cached', b: 'cached', c: 'cached', d: 'cached' });
    expect(existsSync(lock)).toBe(false);

    await writeLock(lock, foreign, 60_000);
    expect(statuses(await job.run(stages, { lockStaleMs: 30_000 }))).toEqual({ a: 'cached', b: 'cached', c: 'cached', d: 'cached' });
  });

  it.runIf(hostIdentity().bootId !== undefined)('takes over a lock of this host from before a reboot, whatever its pid', async () => {
    const job = await makeJob(await tempDir());
    const stages = diamond(job);
    const lock = join(job.jobDir, 'pipeline.lock');
    await job.run(stages);
    await writeLock(lock, { hostname: hostname(), pid: process.pid, bootId: 'an-earlier-boot' });
    expect((await job.run(stages)).status).toBe('succeeded');
  });

  it('refreshes its heartbeat while the run goes on, and records host, boot and pid', async () => {
    const job = await makeJob(await tempDir());
    const lock = join(job.jobDir, 'pipeline.lock');
    const beats: number[] = [];
    const waiting = inProcess(async (ctx) => {
      for (let tick = 0; tick < 6; tick += 1) {
        beats.push((await stat(lock)).mtimeMs);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await writeFile(ctx.output('out/w.txt'), 'done');
    });
    let holder: unknown;
    const readHolder = inProcess(async (ctx) => {
      holder = JSON.parse(await readFile(lock, 'utf8'));
      await writeFile(ctx.output('out/h.txt'), 'done');
    });
    await job.run(
      [
        { id: 'wait', version: '1', outputs: ['out/w.txt'], run: waiting },
        { id: 'holder', version: '1', outputs: ['out/h.txt'], run: readHolder },
      ],
      { lockStaleMs: 200 },
    );
    expect(new Set(beats).size).toBeGreaterThan(2);
    const { bootId } = hostIdentity();
    expect(holder).toMatchObject({ hostname: hostname(), pid: process.pid, ...(bootId === undefined ? {} : { bootId }) });
  });
});
