import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile, makeMedia, makeTruncatedMedia, makeZeroLengthAudio } from '../../../../../tools/test-media';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
let root: string;
let cacheDir: string;
const sourceHashes = new Map<string, string>();
const media = (name: string) => path.join(root, 'media', name);

const bollyx = (args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [cli, ...args], { env: { BOLLYX_CACHE_DIR: cacheDir, ...env }, reject: false, cwd: root });

let workspaceCount = 0;
const newWorkspace = () => path.join(root, `workspace-${(workspaceCount += 1)}`);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-prepare-'));
  cacheDir = path.join(root, 'cache');
  await mkdir(path.join(root, 'media'));
  await Promise.all([
    makeMedia(media('movie.mp4'), { duration: 3 }),
    makeMedia(media(`-it's "my" फ़िल्म.mp4`), { duration: 2 }),
    makeMedia(media('silent.mp4'), { duration: 1, audio: false }),
    makeTruncatedMedia(media('cut.mp4'), { duration: 2 }),
    makeZeroLengthAudio(media('nothing.wav')),
    writeFile(media('notes.mp4'), 'not a movie\n'),
    writeFile(media('empty.mp4'), ''),
    mkdir(media('folder.mp4')),
  ]);
  for (const name of await readdir(path.join(root, 'media'), { withFileTypes: true })) {
    if (name.isFile()) sourceHashes.set(media(name.name), await hashFile(media(name.name)));
  }
  // Detect the hardware once, so the runs below read the cached profile as a user's second run does.
  expect((await bollyx(['hw', '--json'])).exitCode).toBe(0);
});

afterAll(async () => {
  for (const [file, hash] of sourceHashes) expect(await hashFile(file), file).toBe(hash);
  await rm(root, { recursive: true, force: true });
});

describe('bollyx prepare', () => {
  it('prints the job id, folder, config and provenance as JSON, and writes the job', async () => {
    const workspace = newWorkspace();
    const result = await bollyx(['prepare', media('movie.mp4'), '-s', 'hi', '--workflow', 'translate', '--workspace', workspace, '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({
      ok: true,
      id: expect.stringMatching(/^\d{8}-0001$/),
      dir: path.join(workspace, 'jobs', output.id),
      config: { workflow: 'translate', sourceLanguage: 'hi', targetLanguages: ['en'] },
      provenance: { workflow: 'flag', sourceLanguage: 'flag', targetLanguages: 'default', 'asr.device': 'recommendation' },
      media: { file: 'media/movie.mp4', method: 'hardlink' },
    });
    const jobYaml = parse(await readFile(path.join(output.dir, 'job.yaml'), 'utf8'));
    expect(jobYaml).toMatchObject({ id: output.id, config: output.config, provenance: output.provenance });
  });

  it('prints the id and folder for people, and --explain shows where each value came from', async () => {
    const workspace = newWorkspace();
    const result = await bollyx(['prepare', media('movie.mp4'), '--workspace', workspace, '--explain'], { BOLLYX_ASR_MODEL: 'tiny' });
    expect(result.exitCode, result.stderr).toBe(0);
    const [id] = await readdir(path.join(workspace, 'jobs'));
    expect(result.stdout).toContain(`Prepared job ${id}\n`);
    expect(result.stdout).toContain(`folder    ${path.join(workspace, 'jobs', id!)}`);
    expect(result.stdout).toMatch(/asr\.model\s+"tiny"\s+env:BOLLYX_ASR_MODEL\n/);
    expect(result.stdout).toMatch(/workflow\s+"subtitle"\s+default\n/);
  });

  it('uses BOLLYX_WORKSPACE, then ./bollyx-work, and the workspace bollyx.config.yaml', async () => {
    const workspace = newWorkspace();
    await mkdir(workspace);
    await writeFile(path.join(workspace, 'bollyx.config.yaml'), 'translation:\n  backend: nllb\ntargetLanguages: [en, ta]\n');
    const fromEnv = JSON.parse((await bollyx(['prepare', media('movie.mp4'), '--json'], { BOLLYX_WORKSPACE: workspace })).stdout);
    expect(fromEnv.dir.startsWith(path.join(workspace, 'jobs'))).toBe(true);
    expect(fromEnv.config.targetLanguages).toEqual(['en', 'ta']);
    expect(fromEnv.provenance['translation.backend']).toBe(`file:${path.join(workspace, 'bollyx.config.yaml')}`);

    const fromDefault = JSON.parse((await bollyx(['prepare', media('movie.mp4'), '--json'])).stdout);
    expect(fromDefault.dir.startsWith(path.join(root, 'bollyx-work', 'jobs'))).toBe(true);
  });

  it('clips --start/--end and takes a name with quotes, unicode and a leading dash after --', async () => {
    const odd = media(`-it's "my" फ़िल्म.mp4`);
    const result = await bollyx(['prepare', '--start', '0.5', '--end', '00:00:01.5', '--workspace', newWorkspace(), '--json', '--', odd]);
    expect(result.exitCode, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.config.clip).toEqual({ start: 0.5, end: 1.5 });
    expect(output.media).toMatchObject({ file: `media/${path.basename(odd)}`, method: 'clip-copy' });
    expect((await stat(path.join(output.dir, output.media.file))).size).toBeGreaterThan(0);
  });

  it.each([
    ['a missing file', ['missing.mp4'], 13, 'MEDIA_NOT_FOUND'],
    ['a directory', ['folder.mp4'], 14, 'MEDIA_NOT_A_FILE'],
    ['an empty file', ['empty.mp4'], 16, 'MEDIA_EMPTY'],
    ['a text file named .mp4', ['notes.mp4'], 17, 'MEDIA_UNRECOGNIZED'],
    ['a truncated mp4', ['cut.mp4'], 18, 'MEDIA_TRUNCATED'],
    ['a video without audio', ['silent.mp4'], 19, 'MEDIA_NO_AUDIO'],
    ['audio without samples', ['nothing.wav'], 20, 'MEDIA_NO_DURATION'],
    ['a bad --workflow', ['movie.mp4', '--workflow', 'dub'], 10, 'CONFIG_INVALID'],
    ['a missing --config', ['movie.mp4', '--config', 'nowhere.yaml'], 11, 'CONFIG_FILE_NOT_FOUND'],
    ['an --audio-stream it lacks', ['movie.mp4', '--audio-stream', '2'], 21, 'AUDIO_STREAM_NOT_FOUND'],
    ['an --end past the end', ['movie.mp4', '--end', '10'], 22, 'CLIP_OUT_OF_RANGE'],
  ])('refuses %s (%j) with exit code %i and creates nothing', async (_case, [name, ...flags], exitCode, code) => {
    const workspace = newWorkspace();
    const result = await bollyx(['prepare', media(name!), ...flags, '--workspace', workspace, '--json']);
    expect(result.exitCode).toBe(exitCode);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code, message: expect.any(String), hint: expect.any(String) } });
    await expect(stat(workspace)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('tells people what is wrong and the fix on stderr', async () => {
    const result = await bollyx(['prepare', media('silent.mp4'), '--workspace', newWorkspace()]);
    expect(result.exitCode).toBe(19);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `bollyx: ${media('silent.mp4')} has no audio stream to transcribe (it has only video streams)\n` +
        "  fix: Pick the file with the soundtrack; `ffprobe -hide_banner FILE` lists a file's streams",
    );
  });

  it('gives 20 concurrent runs in one workspace 20 distinct job ids', async () => {
    const workspace = newWorkspace();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => bollyx(['prepare', media('movie.mp4'), '--workspace', workspace, '--json'])),
    );
    for (const result of results) expect(result.exitCode, result.stderr).toBe(0);
    const ids = results.map((result) => JSON.parse(result.stdout).id as string);
    expect(new Set(ids).size).toBe(20);
    expect((await readdir(path.join(workspace, 'jobs'))).sort()).toEqual([...ids].sort());
    for (const id of ids) await expect(stat(path.join(workspace, 'jobs', id, 'job.yaml'))).resolves.toBeTruthy();
  });
});
