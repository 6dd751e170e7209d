import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useFilmQueue } from '../../../tools/test-film-machine';
import { filmSegments } from './film-segments';
// The modules themselves, not the index: the package's other parts are no concern of these tests.
import { queueStatus } from './queue-admin';
import { startWorker, type FilmWorker, type WorkerEvent } from './start-worker';
import { submitFilms } from './submit-films';

const suite = useFilmQueue('bollyx-segments-');

const SEGMENT_QUEUES = ['cpu', 'gpu'];
const jobsOf = async () => (await queueStatus({ redis: suite.redis.url, queues: SEGMENT_QUEUES })).queues.flatMap((queue) => queue.jobs);

/** A worker on `queues` whose events are kept; the "gpu" one is a worker on the gpu queue given GPU 0, running on this machine's CPU. */
async function worker(queues: string[], gpu?: number): Promise<{ worker: FilmWorker; events: WorkerEvent[] }> {
  const events: WorkerEvent[] = [];
  const started = await startWorker({ redis: suite.redis.url, queues, ...(gpu === undefined ? {} : { gpu }), onEvent: (event) => events.push(event) });
  return { worker: started, events };
}

/** The job folder the film's first segment prepared, once it is done. */
async function firstSegmentDone(events: WorkerEvent[]): Promise<string> {
  return vi.waitFor(
    () => {
      const done = events.find((event) => event.type === 'job-done');
      expect(done).toBeDefined();
      return (done as Extract<WorkerEvent, { type: 'job-done' }>).summary.jobDir;
    },
    { timeout: 60_000, interval: 200 },
  );
}

describe('a film as a chain of segments routed by device', () => {
  it('cuts the stages into CPU and GPU segments as their needs allow', () => {
    const stage = (id: string, needs: string[], gpu = false) => ({ id, needs, gpu });
    expect(
      filmSegments([
        stage('demux', []),
        stage('vad', ['demux']),
        stage('speech-audio', ['demux', 'vad']),
        stage('asr', ['speech-audio'], true),
        stage('diarize', ['demux'], true),
        stage('transcript', ['asr', 'speech-audio', 'diarize']),
        stage('translate-fr', ['transcript'], true),
        stage('translation', ['transcript', 'translate-fr']),
        stage('subtitles', ['vad', 'transcript', 'translation']),
      ]),
    ).toEqual([
      { queue: 'cpu', stages: ['demux', 'vad', 'speech-audio'] },
      { queue: 'gpu', stages: ['asr', 'diarize'] },
      { queue: 'cpu', stages: ['transcript'] },
      { queue: 'gpu', stages: ['translate-fr'] },
      { queue: 'cpu', stages: ['translation', 'subtitles'] },
    ]);
  });

  it('runs the CPU segments on the CPU worker and ASR on the GPU worker, which never reads the movie', async () => {
    const film = await suite.machine.film('segmented', 1);
    const [id] = await submitFilms([film], { redis: suite.redis.url, settings: suite.machine.settings, segments: true });
    const cpu = await worker(['cpu']);
    let gpu: Awaited<ReturnType<typeof worker>> | undefined;
    try {
      const jobDir = await firstSegmentDone(cpu.events);
      // The movie and the job's link to it are gone before the GPU segment starts: it trusts the CPU segment's manifests.
      await rename(film, `${film}.away`);
      await rename(path.join(jobDir, 'media'), path.join(jobDir, 'media.away'));
      gpu = await worker(['gpu'], 0);
      await vi.waitFor(async () => expect((await jobsOf()).find((job) => job.id === id)?.state).toBe('completed'), { timeout: 90_000, interval: 300 });
    } finally {
      await Promise.all([cpu.worker.close(), gpu?.worker.close()]);
    }
    expect(gpu.worker.name).toBe(`${os.hostname()}/gpu0/${process.pid}`);

    const ran = (await jobsOf()).map((job) => ({ queue: job.queue, stages: job.stages, worker: (job.progress as { worker?: string }).worker, state: job.state }));
    expect(ran.sort((a, b) => (a.stages as string[])[0]!.localeCompare((b.stages as string[])[0]!))).toEqual([
      { queue: 'gpu', stages: ['asr'], worker: gpu.worker.name, state: 'completed' },
      // shots reads the film, so it runs in the first segment, with demux.
      { queue: 'cpu', stages: ['names', 'demux', 'vad', 'speech-audio', 'shots'], worker: cpu.worker.name, state: 'completed' },
      { queue: 'cpu', stages: ['transcript', 'subtitles'], worker: cpu.worker.name, state: 'completed' },
    ]);
    const starts = (events: WorkerEvent[]) => events.flatMap((event) => (event.type === 'job-start' ? [event.stages] : []));
    expect(starts(cpu.events)).toEqual([['names', 'demux', 'vad', 'speech-audio', 'shots'], ['transcript', 'subtitles']]);
    expect(starts(gpu.events)).toEqual([['asr']]);

    // The last segment is the film's job: its summary has the film's subtitles.
    const done = cpu.events.find((event) => event.type === 'job-done' && event.id === id) as Extract<WorkerEvent, { type: 'job-done' }>;
    expect(existsSync(done.summary.outputs.subtitles.en!.srt!)).toBe(true);
    const asr = gpu.events.find((event) => event.type === 'job-done') as Extract<WorkerEvent, { type: 'job-done' }>;
    expect(asr.summary.stages.find((stage) => stage.id === 'asr')).toMatchObject({ status: 'ran', device: 'cpu' });
  });

  it('fails the film with the stage’s error when its GPU segment fails for good, after its own tries', async () => {
    const film = await suite.machine.film('broken', 1);
    const [id] = await submitFilms([film], { redis: suite.redis.url, settings: suite.machine.settings, segments: true, attempts: 2, backoffMs: 200 });
    const cpu = await worker(['cpu']);
    let gpu: Awaited<ReturnType<typeof worker>> | undefined;
    try {
      const jobDir = await firstSegmentDone(cpu.events);
      // Lost from the shared folder: the GPU segment finds the speech-audio stage's output missing.
      await rm(path.join(jobDir, 'audio', 'speech.wav'));
      gpu = await worker(['gpu'], 0);
      await vi.waitFor(async () => expect((await jobsOf()).find((job) => job.id === id)?.state).toBe('failed'), { timeout: 60_000, interval: 300 });
    } finally {
      await Promise.all([cpu.worker.close(), gpu?.worker.close()]);
    }
    const jobs = await jobsOf();
    const asr = jobs.find((job) => job.queue === 'gpu' && job.film === film)!;
    expect(asr).toMatchObject({ state: 'failed', attemptsMade: 2, failure: { code: 'TRUSTED_OUTPUT_MISMATCH', worker: gpu!.worker.name } });
    // The film's job (the last segment) never ran: it is failed with the GPU segment's error.
    expect(jobs.find((job) => job.id === id)).toMatchObject({ state: 'failed', failure: { code: 'TRUSTED_OUTPUT_MISMATCH', worker: gpu!.worker.name } });
  });
});
