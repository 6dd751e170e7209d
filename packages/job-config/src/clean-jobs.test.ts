import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeMedia } from '../../../tools/test-media';
import { cleanJobs, CleanJobsResultSchema } from './clean-jobs';
import { listJobs } from './list-jobs';
import { prepareJob } from './prepare-job';
import type { Job } from './job-schema';

// rm stays the real one; a case makes it fail once, as a folder root owns would for a user.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return { ...actual, rm: vi.fn(actual.rm) };
});

let root: string;
let movie: string;
let deadPid: number;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bollyx-clean-'));
  movie = await makeMedia(path.join(root, 'movie.mp4'), { duration: 1 });
  // A pid that was just this host's and is no more: what a SIGKILLed prepare leaves.
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  deadPid = child.pid!;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let workspaceCount = 0;
let workspace: string;
beforeEach(() => {
  workspace = path.join(root, `workspace-${(workspaceCount += 1)}`);
});

/** A job folder as a prepare leaves it when it stops while copying: an owner mark, stage folders, a partial copy. */
async function incompleteJob(id: string, owner?: { pid: number; hostname?: string; source?: string }): Promise<string> {
  const dir = path.join(workspace, 'jobs', id);
  await mkdir(path.join(dir, 'media'), { recursive: true });
  if (owner) {
    const mark = { pid: owner.pid, hostname: owner.hostname ?? hostname(), startedAt: new Date().toISOString(), source: owner.source ?? movie };
    await writeFile(path.join(dir, 'prepare.lock'), JSON.stringify(mark));
  }
  await writeFile(path.join(dir, 'media', '.partial-movie.mp4'), Buffer.alloc(1000));
  return dir;
}

/** The size of a folder's files (none of them hard-linked). */
async function bytesIn(dir: string): Promise<number> {
  const names = await readdir(dir, { recursive: true });
  const stats = await Promise.all(names.map((name) => stat(path.join(dir, name))));
  return stats.filter((info) => info.isFile()).reduce((sum, info) => sum + info.size, 0);
}

/** Every file of a folder with its contents, to show a clean left it as it was. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files = await Promise.all(names.map(async (entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return [path.relative(dir, file), await readFile(file, 'base64')] as const;
  }));
  return Object.fromEntries(files);
}

describe('cleanJobs', () => {
  it('removes an incomplete job whose owner died and keeps the complete, invalid, live and other-host ones', async () => {
    const complete: Job = await prepareJob(movie, { workspace });
    const before = await snapshot(complete.dir);
    const dead = await incompleteJob('20250101-0001', { pid: deadPid });
    const live = await incompleteJob('20250101-0002', { pid: process.pid });
    const elsewhere = await incompleteJob('20250101-0003', { pid: deadPid, hostname: `not-${hostname()}` });
    // A job.yaml, even a broken one, is the user's job: never an abandoned folder.
    const invalid = await incompleteJob('20250101-0004', { pid: deadPid });
    await writeFile(path.join(invalid, 'job.yaml'), 'id: [\n');
    const invalidBefore = await snapshot(invalid);

    const deadBytes = await bytesIn(dead);
    const result = await cleanJobs({ workspace });

    expect(CleanJobsResultSchema.parse(result)).toEqual(result);
    expect(result.removed).toEqual([
      { id: '20250101-0001', dir: dead, bytes: deadBytes, reason: 'owner-dead', owner: expect.objectContaining({ pid: deadPid, source: movie }) },
    ]);
    expect(result.kept.map(({ dir, reason }) => [dir, reason])).toEqual([
      [live, 'owner-alive'],
      [elsewhere, 'owner-other-host'],
    ]);
    expect((await readdir(path.join(workspace, 'jobs'))).sort()).toEqual(['20250101-0002', '20250101-0003', '20250101-0004', complete.id].sort());
    expect(await snapshot(complete.dir)).toEqual(before);
    expect(await snapshot(invalid)).toEqual(invalidBefore);
  });

  it('removes nothing in a dry run, reporting the same', async () => {
    const dead = await incompleteJob('20250101-0001', { pid: deadPid });
    const result = await cleanJobs({ workspace, dryRun: true });
    expect(result.removed.map(({ dir, reason }) => [dir, reason])).toEqual([[dead, 'owner-dead']]);
    expect(await readdir(dead)).toEqual(expect.arrayContaining(['prepare.lock', 'media']));
  });

  it('takes an unowned folder (an older bollyx) only once nothing in it changed for an hour', async () => {
    const old = await incompleteJob('20250101-0001');
    const recent = await incompleteJob('20250101-0002');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const file of [path.join(old, 'media', '.partial-movie.mp4'), path.join(old, 'media'), old]) await utimes(file, twoHoursAgo, twoHoursAgo);

    const result = await cleanJobs({ workspace });
    expect(result.removed.map(({ dir, reason }) => [dir, reason])).toEqual([[old, 'unowned-stale']]);
    expect(result.kept.map(({ dir, reason }) => [dir, reason])).toEqual([[recent, 'unowned-recent']]);
  });

  it('counts only the bytes removing frees: a hard-linked movie stays the user’s', async () => {
    const dead = await incompleteJob('20250101-0001', { pid: deadPid });
    const ownBytes = await bytesIn(dead);
    await link(movie, path.join(dead, 'media', 'movie.mp4'));
    expect((await cleanJobs({ workspace })).removed[0]?.bytes).toBe(ownBytes);
    expect((await readFile(movie)).length).toBeGreaterThan(0);
  });

  it('finds nothing in a workspace without jobs', async () => {
    expect(await cleanJobs({ workspace })).toEqual({ removed: [], kept: [] });
  });

  it('says which folder it could not remove', async () => {
    const dead = await incompleteJob('20250101-0001', { pid: deadPid });
    vi.mocked(rm).mockRejectedValueOnce(Object.assign(new Error('operation not permitted'), { code: 'EPERM' }));
    await expect(cleanJobs({ workspace })).rejects.toMatchObject({
      code: 'JOB_NOT_REMOVABLE',
      details: { dir: dead, reason: 'EPERM' },
      hint: expect.stringContaining('cleanJobs()'),
    });
  });

  it('stops when the signal aborts', async () => {
    await incompleteJob('20250101-0001', { pid: deadPid });
    await expect(cleanJobs({ workspace, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await readdir(path.join(workspace, 'jobs'))).toEqual(['20250101-0001']);
  });
});

describe('prepareJob and the owner mark', () => {
  it('marks the folder as its own while it fills it, and removes the mark once job.yaml is written', async () => {
    const marks: unknown[] = [];
    const job = await prepareJob(movie, {
      workspace,
      copy: true,
      onProgress: ({ step, fraction }) => {
        if (step === 'media' && fraction === 0) {
          const [id] = readdirSync(path.join(workspace, 'jobs'));
          marks.push(JSON.parse(readFileSync(path.join(workspace, 'jobs', id!, 'prepare.lock'), 'utf8')));
        }
      },
    });
    expect(marks).toEqual([{ pid: process.pid, hostname: hostname(), startedAt: expect.any(String), source: movie }]);
    expect(await readdir(job.dir)).not.toContain('prepare.lock');
  });

  it('sweeps what a killed prepare of the same file left, and takes its id back', async () => {
    const first = await prepareJob(movie, { workspace });
    const killedId = `${first.id.slice(0, 9)}${String(Number(first.id.slice(9)) + 1).padStart(4, '0')}`;
    const killed = await incompleteJob(killedId, { pid: deadPid });
    const other = await incompleteJob('20250101-0001', { pid: deadPid, source: path.join(root, 'other.mp4') });

    const next = await prepareJob(movie, { workspace });
    expect(next.id).toBe(killedId);
    expect(await readdir(path.join(killed, 'media'))).toEqual(['movie.mp4']);
    // Another file's leftovers wait for cleanJobs.
    expect(await readdir(other)).toContain('prepare.lock');
    expect((await listJobs(workspace)).map(({ id, state }) => [id, state])).toEqual([
      ['20250101-0001', 'incomplete'],
      [first.id, 'prepared'],
      [killedId, 'prepared'],
    ]);
  });
});
