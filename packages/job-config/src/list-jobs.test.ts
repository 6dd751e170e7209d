import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMedia } from '../../../tools/test-media';
import { listJobs } from './list-jobs';
import { loadJob } from './load-job';
import { prepareJob } from './prepare-job';
import type { Job } from './job-schema';

let root: string;
let workspace: string;
let jobs: Job[];
let incompleteId: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bollyx-jobs-'));
  workspace = path.join(root, 'workspace');
  const movie = await makeMedia(path.join(root, 'movie.mp4'), { duration: 1 });
  jobs = [];
  for (let index = 0; index < 4; index += 1) jobs.push(await prepareJob(movie, { workspace }));
  const [, started, done, broken] = jobs as [Job, Job, Job, Job];
  // What the pipeline leaves: a stage manifest when a stage finishes, files in output/ at the end.
  await writeFile(path.join(started.dir, 'manifests', 'demux.json'), '{}');
  await writeFile(path.join(done.dir, 'manifests', 'demux.json'), '{}');
  await writeFile(path.join(done.dir, 'output', 'movie.en.srt'), '1\n00:00:00,000 --> 00:00:01,000\nhello\n');
  const jobYaml = path.join(broken.dir, 'job.yaml');
  await writeFile(jobYaml, (await readFile(jobYaml, 'utf8')).replace('backend: whisper.cpp', 'backend: whisper'));
  // A job folder whose preparation has not written job.yaml (yet).
  incompleteId = `${started.id.slice(0, 9)}0099`;
  await mkdir(path.join(workspace, 'jobs', incompleteId));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('listJobs', () => {
  it('lists every job folder with the state its files show', async () => {
    const listed = await listJobs(workspace);
    expect(listed.map(({ id, state }) => ({ id, state }))).toEqual([
      { id: jobs[0]!.id, state: 'prepared' },
      { id: jobs[1]!.id, state: 'started' },
      { id: jobs[2]!.id, state: 'has-outputs' },
      { id: jobs[3]!.id, state: 'invalid' },
      { id: incompleteId, state: 'incomplete' },
    ]);
    expect(listed[0]!.job?.media.file).toBe('media/movie.mp4');
    expect(listed[3]!.problem).toMatch(/config\.asr\.backend: got "whisper"; allowed: whisper\.cpp \| faster-whisper/);
    expect(listed[4]!.problem).toMatch(/has no job\.yaml/);
  });

  it('finds no jobs in a workspace that does not exist yet', async () => {
    expect(await listJobs(path.join(root, 'nowhere'))).toEqual([]);
  });
});

describe('loadJob', () => {
  it('loads a job by id from the workspace, or by folder', async () => {
    const byId = await loadJob(jobs[0]!.id, { workspace });
    expect(byId).toEqual(jobs[0]);
    expect(await loadJob(jobs[2]!.dir)).toMatchObject({ id: jobs[2]!.id, state: 'has-outputs' });
  });

  it('names what is wrong with a job it cannot load', async () => {
    await expect(loadJob('20000101-0001', { workspace })).rejects.toMatchObject({ code: 'JOB_NOT_FOUND', hint: expect.stringContaining('bollyx jobs') });
    await expect(loadJob(jobs[3]!.id, { workspace })).rejects.toMatchObject({ code: 'JOB_FILE_INVALID' });
    await expect(loadJob(incompleteId, { workspace })).rejects.toMatchObject({ code: 'JOB_INCOMPLETE' });
    await expect(loadJob(path.join(root, 'movie.mp4'))).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
  });
});
