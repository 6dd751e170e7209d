import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
