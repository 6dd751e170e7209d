import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile, makeMedia, makePcmQuickTime, makeTruncatedMedia } from '../../../tools/test-media';
import { JOB_FILE_SCHEMA_URL } from './job-file';
import { JobFileSchema, JOB_FOLDERS } from './job-schema';
import { prepareJob, type PrepareProgress } from './prepare-job';
import { probeMedia } from './probe-media';

let root: string;
let movie: string;
const sourceHashes = new Map<string, string>();

async function fixture(name: string, make: (file: string) => Promise<unknown>): Promise<string> {
  const file = path.join(root, 'media', name);
  await make(file);
  sourceHashes.set(file, await hashFile(file));
  return file;
}

let workspaceCount = 0;
const newWorkspace = () => path.join(root, `workspace-${(workspaceCount += 1)}`);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bollyx-prepare-'));
  await mkdir(path.join(root, 'media'));
  movie = await fixture('movie.mp4', (file) => makeMedia(file, { duration: 4 }));
});

afterAll(async () => {
  // The user's files come out of every case byte for byte as they went in.
  for (const [file, hash] of sourceHashes) expect(await hashFile(file), file).toBe(hash);
  await rm(root, { recursive: true, force: true });
});

describe('prepareJob', () => {
  it('makes the job folder: job.yaml, the media hard-linked and the empty stage folders', async () => {
    const workspace = newWorkspace();
    const job = await prepareJob(movie, { workspace, flags: { sourceLanguage: 'hi' } });

    expect(job.id).toMatch(/^\d{8}-0001$/);
    expect(job.dir).toBe(path.join(workspace, 'jobs', job.id));
    expect(job.state).toBe('prepared');
    expect((await readdir(job.dir)).sort()).toEqual([...JOB_FOLDERS, 'job.yaml'].sort());
    expect(job.media).toMatchObject({ file: 'media/movie.mp4', method: 'hardlink' });
    expect((await stat(path.join(job.dir, job.media.file))).ino).toBe((await stat(movie)).ino);
    for (const folder of JOB_FOLDERS.filter((name) => name !== 'media')) expect(await readdir(path.join(job.dir, folder))).toEqual([]);

    const text = await readFile(path.join(job.dir, 'job.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${JOB_FILE_SCHEMA_URL}`);
    const written = JobFileSchema.parse(parse(text));
    const { dir: _dir, state: _state, ...returned } = job;
    expect(written).toEqual(returned);
    expect(written.config.sourceLanguage).toBe('hi');
    expect(written.provenance.sourceLanguage).toBe('flag');
    expect(written.source).toMatchObject({ path: movie, sizeBytes: (await stat(movie)).size });
  });

  it('links the file a symlink points to, not the symlink', async () => {
    const link = path.join(root, 'shortcut.mp4');
    await symlink(path.relative(root, movie), link);
    const job = await prepareJob(link, { workspace: newWorkspace() });
    const placed = path.join(job.dir, job.media.file);
    expect(job.media).toMatchObject({ file: 'media/shortcut.mp4', method: 'hardlink' });
    expect((await stat(placed)).ino).toBe((await stat(movie)).ino);
    expect(await hashFile(placed)).toBe(sourceHashes.get(movie));
  });

  it('numbers jobs of the same day one after another, also when prepared at once', async () => {
    const workspace = newWorkspace();
    const jobs = await Promise.all(Array.from({ length: 6 }, () => prepareJob(movie, { workspace })));
    const numbers = jobs.map((job) => Number(job.id.slice(9))).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('copies instead of linking when asked, reporting progress', async () => {
    const progress: PrepareProgress[] = [];
    const job = await prepareJob(movie, { workspace: newWorkspace(), copy: true, onProgress: (event) => progress.push(event) });
    const copy = path.join(job.dir, job.media.file);
    expect(job.media.method).toBe('copy');
    expect((await stat(copy)).ino).not.toBe((await stat(movie)).ino);
    expect(await hashFile(copy)).toBe(sourceHashes.get(movie));
    expect(progress.map((event) => event.step)).toEqual(expect.arrayContaining(['config', 'probe', 'allocate', 'media', 'write']));
    expect(progress.filter((event) => event.step === 'media').at(-1)?.fraction).toBe(1);
  });

  it('works with spaces, quotes, unicode and a leading dash in the name', async () => {
    const odd = await fixture(`-it's a "फ़िल्म" 🎬.mp4`, (file) => makeMedia(file, { duration: 3 }));
    const workspace = newWorkspace();
    const linked = await prepareJob(odd, { workspace });
    expect(linked.media.file).toBe(`media/${path.basename(odd)}`);
    const clipped = await prepareJob(odd, { workspace, flags: { 'clip.start': '1', 'clip.end': '2' } });
    expect(clipped.media.method).toBe('clip-copy');
    expect(clipped.media.info.durationSeconds).toBeCloseTo(1, 0);
    expect(await readdir(path.join(clipped.dir, 'media'))).toEqual([path.basename(odd)]);
  });

  it('clips --start/--end with stream copy, cut exactly in an MP4', async () => {
    const job = await prepareJob(movie, { workspace: newWorkspace(), flags: { 'clip.start': '00:00:01', 'clip.end': '3.5' } });
    expect(job.config.clip).toEqual({ start: 1, end: 3.5 });
    expect(job.media.method).toBe('clip-copy');
    const clip = await probeMedia(path.join(job.dir, job.media.file));
    expect(clip.durationSeconds).toBeGreaterThan(2.4);
    expect(clip.durationSeconds).toBeLessThan(2.7);
    expect(job.source.durationSeconds).toBeCloseTo(4, 1);
  });

  it('re-encodes the audio only when the container refuses to copy it', async () => {
    const pcm = await fixture('camera.mp4', (file) => makePcmQuickTime(file, { duration: 3 }));
    const whole = await prepareJob(pcm, { workspace: newWorkspace() });
    expect(whole.media.method).toBe('hardlink');
    const job = await prepareJob(pcm, { workspace: newWorkspace(), flags: { 'clip.start': 1 } });
    expect(job.media.method).toBe('clip-reencode-audio');
    expect(job.media.info.audioStreams[0]?.codec).toBe('aac');
    expect(job.media.info.videoStreams[0]?.codec).toBe('h264');
  });

  it('links the whole file when the clip covers all of it', async () => {
    const job = await prepareJob(movie, { workspace: newWorkspace(), flags: { 'clip.start': 0 } });
    expect(job.media.method).toBe('hardlink');
  });

  it.each([
    [{ 'clip.start': '3', 'clip.end': '2' }, 'CONFIG_INVALID', /clip\.end: got "2" \(from flag\); allowed: a time after clip\.start \(3 s\)/],
    [{ 'clip.end': '9' }, 'CLIP_OUT_OF_RANGE', /clip\.end \(9 s\) is past the end of the media \(4(\.\d+)? s long\)/],
    [{ 'clip.start': '00:01:00' }, 'CLIP_OUT_OF_RANGE', /clip\.start \(60 s\) is past the end/],
    [{ audioStream: 1 }, 'AUDIO_STREAM_NOT_FOUND', /has 1 audio stream \(0 to 0\)/],
  ])('rejects %o with %s and creates nothing', async (flags, code, message) => {
    const workspace = newWorkspace();
    await expect(prepareJob(movie, { workspace, flags })).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    await expect(stat(workspace)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('creates nothing for media it rejects', async () => {
    const cut = await fixture('cut.mp4', (file) => makeTruncatedMedia(file, { duration: 2 }));
    const workspace = newWorkspace();
    await expect(prepareJob(cut, { workspace })).rejects.toMatchObject({ code: 'MEDIA_TRUNCATED' });
    await expect(prepareJob(path.join(root, 'media', 'missing.mp4'), { workspace })).rejects.toMatchObject({ code: 'MEDIA_NOT_FOUND' });
    await expect(stat(workspace)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it("reads the workspace's bollyx.config.yaml, or the file passed instead", async () => {
    const workspace = newWorkspace();
    await mkdir(workspace);
    await writeFile(path.join(workspace, 'bollyx.config.yaml'), 'workflow: transcribe\nasr:\n  model: small\n');
    const fromWorkspace = await prepareJob(movie, { workspace });
    expect(fromWorkspace.config).toMatchObject({ workflow: 'transcribe', asr: { model: 'small' } });
    expect(fromWorkspace.provenance['asr.model']).toBe(`file:${path.join(workspace, 'bollyx.config.yaml')}`);

    const other = path.join(root, 'other.yaml');
    await writeFile(other, 'asr:\n  backend: mlx\n');
    const fromOther = await prepareJob(movie, { workspace, configFile: other, env: { BOLLYX_WORKFLOW: 'translate' } });
    expect(fromOther.config).toMatchObject({ workflow: 'translate', asr: { backend: 'mlx', model: 'base' } });
    expect(fromOther.provenance.workflow).toBe('env:BOLLYX_WORKFLOW');
  });

  it('refuses a workspace that a file is in the way of', async () => {
    const workspace = path.join(root, 'a-file');
    await writeFile(workspace, 'not a folder');
    await expect(prepareJob(movie, { workspace })).rejects.toMatchObject({ code: 'WORKSPACE_INVALID' });
    expect(await readFile(workspace, 'utf8')).toBe('not a folder');
  });

  it('removes the job folder when cancelled while placing the media', async () => {
    const workspace = newWorkspace();
    const controller = new AbortController();
    const cancelled = prepareJob(movie, {
      workspace,
      copy: true,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.step === 'media') controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await readdir(path.join(workspace, 'jobs'))).toEqual([]);
  });

  it('does not start when already cancelled', async () => {
    const workspace = newWorkspace();
    await expect(prepareJob(movie, { workspace, signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(stat(workspace)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
