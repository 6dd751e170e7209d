import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMedia } from '../../../../../tools/test-media';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
let root: string;
let workspace: string;
let ids: string[];

const bollyx = (...args: string[]) =>
  execa(process.execPath, [cli, ...args], { env: { BOLLYX_CACHE_DIR: path.join(root, 'cache') }, reject: false, cwd: root });

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-jobs-'));
  workspace = path.join(root, 'workspace');
  const movie = await makeMedia(path.join(root, 'movie.mp4'), { duration: 1 });
  ids = [];
  for (const language of ['hi', 'ta']) {
    const result = await bollyx('prepare', movie, '-s', language, '--workspace', workspace, '--json');
    ids.push(JSON.parse(result.stdout).id);
  }
  // The pipeline records a finished stage as a manifest.
  await writeFile(path.join(workspace, 'jobs', ids[1]!, 'manifests', 'demux.json'), '{}');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('bollyx jobs', () => {
  it('lists the jobs with their state as JSON', async () => {
    const result = await bollyx('jobs', '--workspace', workspace, '--json');
    expect(result.exitCode, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.workspace).toBe(workspace);
    expect(output.jobs.map((job: { id: string; state: string }) => [job.id, job.state])).toEqual([
      [ids[0], 'prepared'],
      [ids[1], 'started'],
    ]);
    expect(output.jobs[0].job.config.sourceLanguage).toBe('hi');
  });

  it('lists them as a table for people', async () => {
    const result = await bollyx('jobs', 'list', '--workspace', workspace);
    expect(result.stdout).toMatch(new RegExp(`${ids[0]}\\s+prepared\\s+subtitle\\s+hi → en\\s+movie\\.mp4`));
    expect(result.stdout).toMatch(new RegExp(`${ids[1]}\\s+started\\s+subtitle\\s+ta → en\\s+movie\\.mp4`));
  });

  it('says how to make a job when there are none', async () => {
    const result = await bollyx('jobs', '--workspace', path.join(root, 'empty'));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('bollyx prepare <media>');
  });

  it('shows one job', async () => {
    const json = await bollyx('jobs', 'show', ids[1]!, '--workspace', workspace, '--json');
    expect(JSON.parse(json.stdout).job).toMatchObject({ id: ids[1], state: 'started', config: { sourceLanguage: 'ta' } });
    const text = await bollyx('jobs', 'show', ids[0]!, '--workspace', workspace, '--explain');
    expect(text.stdout).toMatch(new RegExp(`^Job ${ids[0]}\\n`));
    expect(text.stdout).toMatch(/sourceLanguage\s+"hi"\s+flag/);
  });

  it('refuses a job that does not exist with exit code 26', async () => {
    const result = await bollyx('jobs', 'show', '19990101-0001', '--workspace', workspace);
    expect(result.exitCode).toBe(26);
    expect(result.stderr).toContain('fix: bollyx jobs lists the jobs');
  });
});

describe('bollyx jobs clean', () => {
  let cleanWorkspace: string;
  let bigMovie: string;
  let complete: { id: string; dir: string };

  beforeAll(async () => {
    cleanWorkspace = path.join(root, 'clean');
    // 128 MB of WAV (made in well under a second): its copy lasts long enough to be killed partway.
    bigMovie = await makeMedia(path.join(root, 'movie.wav'), { duration: 4000, video: false });
    const prepared = await bollyx('prepare', bigMovie, '--workspace', cleanWorkspace, '--json');
    expect(prepared.exitCode, prepared.stderr).toBe(0);
    complete = JSON.parse(prepared.stdout);
  });

  /** Runs `bollyx prepare --copy` of the big movie and SIGKILLs it once the copy has begun; returns the folder it left. */
  async function killPrepareMidCopy(): Promise<{ id: string; dir: string }> {
    const jobsDir = path.join(cleanWorkspace, 'jobs');
    const prepare = bollyx('prepare', bigMovie, '--copy', '--workspace', cleanWorkspace, '--json');
    // Its folder is the one its owner mark names (it may take the id of a folder swept just before).
    const ownedByPrepare = async (id: string) =>
      JSON.parse(await readFile(path.join(jobsDir, id, 'prepare.lock'), 'utf8').catch(() => '{}')).pid === prepare.pid;
    let left: { id: string; dir: string } | undefined;
    while (left === undefined && prepare.exitCode === null) {
      for (const id of await readdir(jobsDir)) {
        const partial = await stat(path.join(jobsDir, id, 'media', '.partial-movie.wav')).catch(() => undefined);
        if (partial !== undefined && partial.size > 0 && (await ownedByPrepare(id))) left = { id, dir: path.join(jobsDir, id) };
      }
      if (left === undefined) await sleep(2);
    }
    prepare.kill('SIGKILL');
    const killed = await prepare;
    expect(killed.signal, `bollyx prepare ended before the copy could be killed (exit ${killed.exitCode}): ${killed.stderr}`).toBe('SIGKILL');
    const files = await readdir(left!.dir);
    expect(files).toContain('prepare.lock');
    expect(files).not.toContain('job.yaml');
    return left!;
  }

  /** Every file of the complete job with its size: what a clean must leave as it was. */
  const completeFiles = async () =>
    Promise.all((await readdir(complete.dir, { recursive: true })).sort().map(async (name) => [name, (await stat(path.join(complete.dir, name))).size]));

  it('removes the folder a SIGKILLed prepare --copy left, and nothing else', async () => {
    const filesBefore = await completeFiles();
    const killed = await killPrepareMidCopy();

    const dryRun = await bollyx('jobs', 'clean', '--dry-run', '--workspace', cleanWorkspace);
    expect(dryRun.exitCode, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toMatch(new RegExp(`Would remove from .*\\n\\s+${killed.id}\\s+[\\d.]+ [KM]B\\s+its bollyx prepare \\(pid \\d+`));
    expect(dryRun.stdout).toMatch(/Total: 1 job, [\d.]+ [KM]B to free$/);
    expect(await readdir(killed.dir)).toContain('media');

    const result = await bollyx('jobs', 'clean', '--workspace', cleanWorkspace, '--json');
    expect(result.exitCode, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({ ok: true, dryRun: false, kept: [] });
    expect(output.removed).toEqual([
      { id: killed.id, dir: killed.dir, bytes: expect.any(Number), reason: 'owner-dead', owner: expect.objectContaining({ source: bigMovie }) },
    ]);
    expect(output.removed[0].bytes).toBeGreaterThan(0);
    await expect(stat(killed.dir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(path.join(cleanWorkspace, 'jobs'))).toEqual([complete.id]);
    expect(await completeFiles()).toEqual(filesBefore);

    const again = await bollyx('jobs', 'clean', '--workspace', cleanWorkspace);
    expect(again.stdout).toContain('No abandoned jobs in');
  });

  it('lets the next prepare of the same movie work, taking the killed one’s folder and id', async () => {
    const killed = await killPrepareMidCopy();
    const result = await bollyx('prepare', bigMovie, '--workspace', cleanWorkspace, '--json');
    expect(result.exitCode, result.stderr).toBe(0);
    const job = JSON.parse(result.stdout);
    expect(job).toMatchObject({ id: killed.id, media: { file: 'media/movie.wav', method: 'hardlink' } });
    expect((await readdir(path.join(killed.dir, 'media'))).sort()).toEqual(['movie.wav']);
    expect(await readFile(path.join(killed.dir, 'job.yaml'), 'utf8')).toContain(`id: ${killed.id}`);
    const listed = JSON.parse((await bollyx('jobs', '--workspace', cleanWorkspace, '--json')).stdout);
    expect(listed.jobs.map((entry: { id: string; state: string }) => [entry.id, entry.state])).toEqual([
      [complete.id, 'prepared'],
      [killed.id, 'prepared'],
    ]);
  });
});
