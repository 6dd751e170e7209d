import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useFilmQueue } from '../../../tools/test-film-machine';
import { cancelJob, cleanQueue, queueStatus, QueueUnreachableError, redactRedisUrl, retryJob, startWorker, submitFilms, type WorkerEvent } from './index';

const suite = useFilmQueue('bollyx-queue-');

describe('film jobs on BullMQ', () => {
  it('runs two submitted films to their subtitles on one worker, reporting progress and who ran them', async () => {
    const films = [await suite.machine.film('first', 1), await suite.machine.film('second', 2)];
    const ids = await submitFilms(films, { redis: suite.redis.url, settings: suite.machine.settings });
    expect(ids).toHaveLength(2);

    const events: WorkerEvent[] = [];
    const worker = await startWorker({ redis: suite.redis.url, onEvent: (event) => events.push(event) });
    try {
      await vi.waitFor(async () => expect((await queueStatus({ redis: suite.redis.url })).queues[0]!.counts.completed).toBe(2), { timeout: 170_000, interval: 500 });
    } finally {
      await worker.close();
    }
    expect(worker.name).toBe(`${os.hostname()}/${process.pid}`);
    const { jobs } = (await queueStatus({ redis: suite.redis.url })).queues[0]!;
    expect(jobs.map((job) => [job.id, job.state]).sort()).toEqual(ids.map((id) => [id, 'completed']).sort());
    for (const job of jobs) expect(job.progress).toMatchObject({ fraction: 1, worker: worker.name });
    const done = events.filter((event) => event.type === 'job-done');
    expect(done.map((event) => event.id).sort()).toEqual([...ids].sort());
    for (const { summary } of done) expect(existsSync(summary.outputs.subtitles.en!.srt!)).toBe(true);
    // Progress went up stage by stage.
    const fractions = events.flatMap((event) => (event.type === 'job-progress' && event.id === ids[0] ? [event.progress.fraction] : []));
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events.at(-1)).toEqual({ type: 'worker-closed' });
  });

  it('tries a failing film again with backoff, then fails it with the run’s error code and hint as JSON', async () => {
    const [id] = await submitFilms([path.join(suite.root, 'no-such-film.mp4')], { redis: suite.redis.url, settings: suite.machine.settings, attempts: 2, backoffMs: 200 });
    const worker = await startWorker({ redis: suite.redis.url });
    try {
      await vi.waitFor(async () => expect((await queueStatus({ redis: suite.redis.url })).queues[0]!.counts.failed).toBe(1), { timeout: 60_000, interval: 300 });
    } finally {
      await worker.close();
    }
    const job = (await queueStatus({ redis: suite.redis.url })).queues[0]!.jobs.find((candidate) => candidate.id === id)!;
    expect(job).toMatchObject({ state: 'failed', attemptsMade: 2, failure: { code: 'MEDIA_NOT_FOUND', worker: worker.name } });
    expect(typeof job.failure === 'object' && job.failure.hint).toBeTruthy();
    await expect(retryJob('no-such-job', { redis: suite.redis.url })).rejects.toMatchObject({ code: 'QUEUE_JOB_NOT_FOUND' });
  });

  it('removes a waiting film on cancel, and cleans finished ones', async () => {
    const [id] = await submitFilms([path.join(suite.root, 'waiting.mp4')], { redis: suite.redis.url });
    expect(await cancelJob(id!, { redis: suite.redis.url })).toEqual({ id, outcome: 'removed' });
    await expect(retryJob(id!, { redis: suite.redis.url })).rejects.toMatchObject({ code: 'QUEUE_JOB_NOT_FOUND' });
    const removed = await cleanQueue({ redis: suite.redis.url });
    expect(removed.completed).toHaveLength(2);
    expect(removed.failed).toHaveLength(1);
    expect((await queueStatus({ redis: suite.redis.url })).queues[0]!.jobs).toEqual([]);
  });

  it('says Redis is unreachable within seconds, naming the URL without its password', async () => {
    const url = `redis://bollyx:s3cret@127.0.0.1:${suite.redis.port + 1}`;
    const started = Date.now();
    const error = await submitFilms(['film.mp4'], { redis: url }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(QueueUnreachableError);
    expect((error as QueueUnreachableError).code).toBe('QUEUE_UNREACHABLE');
    expect((error as Error).message).toContain(`127.0.0.1:${suite.redis.port + 1}`);
    expect((error as Error).message).not.toContain('s3cret');
    // It gives up instead of retrying for ever, as a worker would (a generous bound: machines under load are slow)
    expect(Date.now() - started).toBeLessThan(15_000);
    await expect(startWorker({ redis: url })).rejects.toBeInstanceOf(QueueUnreachableError);
  });

  it('redacts the user and password of a Redis URL', () => {
    expect(redactRedisUrl('redis://user:pa55@cache.lan:6380/2')).toBe('redis://***@cache.lan:6380/2');
    expect(redactRedisUrl('redis://:pa55@cache.lan')).toBe('redis://***@cache.lan');
    expect(redactRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
