import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { useFilmQueue } from '../../../tools/test-film-machine';
import { startPrivateS3, type PrivateS3 } from '../../../tools/test-s3';
import { openArtifactStore, type ArtifactStoreConfig } from './artifacts/artifact-store-config';
import { sha256OfFile } from './artifacts/sha256-meter';
import { fetchFilmOutputs } from './fetch-film-outputs';
// The modules themselves, not the index: the package's other parts are no concern of these tests.
import { queueStatus } from './queue-admin';
import { startWorker, type FilmWorker, type WorkerEvent } from './start-worker';
import { submitFilms } from './submit-films';

const suite = useFilmQueue('bollyx-stored-films-');
let s3: PrivateS3;
beforeAll(async () => {
  s3 = await startPrivateS3(path.join(suite.root, 's3rver'));
  // As on every machine of a farm: the S3 key pair comes from the AWS SDK's chain, never from job data.
  vi.stubEnv('AWS_ACCESS_KEY_ID', s3.credentials.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', s3.credentials.secretAccessKey);
});
afterAll(async () => {
  await s3?.stop();
});

type Done = Extract<WorkerEvent, { type: 'job-done' }>;

/** A worker on its own "machine": a workspace of its own, sharing only Redis and the store. */
async function machine(name: string, queues: string[], artifacts: ArtifactStoreConfig, gpu?: number) {
  const workspace = path.join(suite.root, name);
  await mkdir(workspace, { recursive: true });
  const events: WorkerEvent[] = [];
  const worker: FilmWorker = await startWorker({ redis: suite.redis.url, queues, workspace, artifacts, ...(gpu === undefined ? {} : { gpu }), onEvent: (event) => events.push(event) });
  return { worker, workspace, events, done: (id: string) => events.find((event): event is Done => event.type === 'job-done' && event.id === id) };
}

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

async function waitForState(queues: string[], id: string, state: string) {
  await vi.waitFor(async () => expect((await queueStatus({ redis: suite.redis.url, queues })).queues.flatMap((queue) => queue.jobs).find((job) => job.id === id)?.state).toBe(state), {
    timeout: 90_000,
    interval: 300,
  });
}

/** The store holds each subtitle file the film's last job made, under the keys it returned, with the same sha256. */
async function expectStored(artifacts: ArtifactStoreConfig, done: Done) {
  const store = openArtifactStore(artifacts);
  const made = Object.values(done.summary.outputs.subtitles).flatMap((formats) => Object.values(formats));
  expect(made.length).toBeGreaterThan(0);
  expect(done.stored!.outputs).toEqual(made.map((file) => `jobs/${done.stored!.jobId}/${path.relative(done.summary.jobDir, file)}`));
  for (const [index, key] of done.stored!.outputs.entries()) expect((await store.stat(key))?.sha256).toBe((await sha256OfFile(made[index]!)).sha256);
}

describe('films through an artifact store, on machines that share no folder', () => {
  it('runs a segmented film from S3: the CPU machine gets the film, the GPU machine only the speech audio, the subtitles end in the store', async () => {
    const artifacts: ArtifactStoreConfig = { kind: 's3', endpoint: s3.endpoint, region: s3.region, bucket: s3.bucket, prefix: 'farm/', forcePathStyle: true };
    const film = await suite.machine.film('stored', 1);
    const [id] = await submitFilms([film], { redis: suite.redis.url, settings: suite.machine.settings, segments: true, artifacts });
    // Gone from where it was submitted: the workers can only have it from the store.
    await rm(film);
    const cpu = await machine('cpu-machine', ['cpu'], artifacts);
    const gpu = await machine('gpu-machine', ['gpu'], artifacts, 0);
    try {
      await waitForState(['cpu', 'gpu'], id!, 'completed');
    } finally {
      await Promise.all([cpu.worker.close(), gpu.worker.close()]);
    }
    const done = cpu.done(id!)!;
    expect(done.summary.outputs.subtitles.en!.srt!.startsWith(cpu.workspace)).toBe(true);
    await expectStored(artifacts, done);

    // The GPU machine ran ASR on the speech audio it pulled, at the job's own id, and never had the movie.
    const asr = gpu.events.find((event): event is Done => event.type === 'job-done')!;
    expect(asr.summary.jobDir).toBe(path.join(gpu.workspace, 'jobs', done.summary.jobId));
    const gpuFiles = await filesUnder(gpu.workspace);
    expect(gpuFiles).toContain(path.join('jobs', done.summary.jobId, 'audio', 'speech.wav'));
    expect(gpuFiles.filter((file) => file.endsWith('.mp4'))).toEqual([]);

    // Anyone with the store fetches the film's subtitles by its job id.
    const to = path.join(suite.root, 'fetched');
    const fetched = await fetchFilmOutputs(id!, { redis: suite.redis.url, artifacts, to });
    const srt = done.summary.outputs.subtitles.en!.srt!;
    expect(fetched).toContain(path.join(to, 'subtitles', path.basename(srt)));
    expect(await readFile(path.join(to, 'subtitles', path.basename(srt)), 'utf8')).toBe(await readFile(srt, 'utf8'));
  });

  it('runs a whole film from a shared store folder and pushes its stages and subtitles', async () => {
    const root = path.join(suite.root, 'store-folder');
    await mkdir(root);
    const artifacts: ArtifactStoreConfig = { kind: 'folder', root };
    const film = await suite.machine.film('whole', 1);
    const [id] = await submitFilms([film], { redis: suite.redis.url, settings: suite.machine.settings, artifacts });
    await rm(film);
    const one = await machine('one-machine', ['films'], artifacts);
    try {
      await waitForState(['films'], id!, 'completed');
    } finally {
      await one.worker.close();
    }
    const done = one.done(id!)!;
    expect(done.stored!.jobId).toBe(id);
    await expectStored(artifacts, done);
    const keys = await openArtifactStore(artifacts).list(`jobs/${id}/`);
    expect(keys).toEqual(expect.arrayContaining([`jobs/${id}/job.yaml`, `jobs/${id}/manifests/asr.json`, `jobs/${id}/manifests/subtitles.json`]));
  });
});
