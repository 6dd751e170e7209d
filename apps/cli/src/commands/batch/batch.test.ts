import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureWhisperEngine } from '@bollyx/environment-manager';
import type { BatchSummary } from '@bollyx/pipeline';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFilmMachine, type FilmMachine } from '../../../../../tools/test-film-machine';
import { makeMovie, makeSpeechClip } from '../../../../../tools/test-media';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
let root: string;
let films: string;
let machine: FilmMachine;

/** `bollyx batch` with a film machine's settings: its own workspace and caches (sharing only the engine), the test model decoded greedily. */
const batchArgs = (extra: string[]) => ({
  args: [cli, 'batch', films, '-s', 'hi', '--workflow', 'transcribe', '--model', machine.settings.model!, ...extra],
  options: {
    env: machine.env,
    reject: false,
    cwd: root,
  } as const,
});
const bollyxBatch = (extra: string[] = []) => {
  const { args, options } = batchArgs(extra);
  return execa(process.execPath, args, options);
};

const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as BatchSummary;
const byName = (summary: BatchSummary) => Object.fromEntries(summary.films.map((film) => [path.relative(films, film.file), film]));

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-batch-'));
  films = path.join(root, 'films');
  await mkdir(path.join(films, 'extra'), { recursive: true });
  // Built once per machine (minutes on a fresh one), found in an instant after that.
  await ensureWhisperEngine();
  machine = await prepareFilmMachine(root);
  const clip = await makeSpeechClip(path.join(root, 'speech.wav'), {
    parts: [{ silence: 0.5 }, { say: 'The train leaves at seven.', voice: 'en' }, { silence: 0.5 }],
  });
  const movie = await makeMovie(path.join(films, 'a.mp4'), { duration: clip.duration, audio: [{ wav: clip.path, language: 'eng' }] });
  // Two more films from the same picture and sound: each file is its own film, with its own job.
  await copyFile(movie, path.join(films, 'b.mp4'));
  await copyFile(movie, path.join(films, 'extra', 'a.mp4'));
  await writeFile(path.join(films, 'notes.mp4'), 'not a movie\n');
  await writeFile(path.join(films, 'empty.mkv'), '');
  await writeFile(path.join(films, 'readme.txt'), 'the films of this folder\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('bollyx batch', () => {
  let first: BatchSummary;

  it('runs every film of a folder, two at a time, and names each file it cannot use with the reason', async () => {
    // Two at once (more than this 2-core machine would choose): their jobs are prepared and run side by side.
    const result = await bollyxBatch(['--concurrency', '2', '--json']);
    expect(result.stderr).not.toContain('unexpected');
    // Invalid files are reported, not counted against the batch: every valid film finished.
    expect(result.exitCode).toBe(0);
    first = lastLine(result.stdout);
    expect(first.ok).toBe(true);
    const found = byName(first);
    // The text file is no media; the subfolder is not searched without --recursive.
    expect(Object.keys(found)).toEqual(['a.mp4', 'b.mp4', 'empty.mkv', 'notes.mp4']);
    expect([found['a.mp4']!.status, found['b.mp4']!.status]).toEqual(['done', 'done']);
    expect(found['a.mp4']!.jobId).not.toBe(found['b.mp4']!.jobId);
    expect(found['empty.mkv']).toMatchObject({ status: 'invalid', error: { code: 'MEDIA_EMPTY' } });
    expect(found['notes.mp4']).toMatchObject({ status: 'invalid', error: { code: 'MEDIA_UNRECOGNIZED' } });
    expect(found['a.mp4']!.outputs!.subtitles.hi!.srt).toMatch(/\.srt$/);
    // Progress came before the summary: each film's start, and its own stage events tagged with it.
    expect(result.stdout).toContain(`"type":"film-start","file":${JSON.stringify(path.join(films, 'b.mp4'))}`);
    expect(result.stdout).toMatch(/"type":"film-event","file":"[^"]*a\.mp4","event":\{"type":"stage-start"/);
    // Both films started before either finished.
    const events = result.stdout.trim().split('\n').slice(0, -1).map((line) => JSON.parse(line) as { type: string; film?: { status: string } });
    const lastStart = events.map((event) => event.type).lastIndexOf('film-start');
    const firstDone = events.findIndex((event) => event.type === 'film-finish' && event.film?.status === 'done');
    expect(lastStart).toBeLessThan(firstDone);
  });

  it('skips the finished films in well under a second each when the same command runs again', async () => {
    const started = performance.now();
    const again = await bollyxBatch();
    const took = performance.now() - started;
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/^ {2}film +job +status +time +outputs$/m);
    expect(again.stdout).toMatch(new RegExp(`films/a\\.mp4 +${first.films[0]!.jobId!} +skipped \\(already done\\)`));
    expect(again.stdout).toMatch(/films\/notes\.mp4 +- +invalid MEDIA_UNRECOGNIZED/);
    expect(again.stdout).toContain('4 files: 2 skipped, 2 invalid');
    expect(again.stdout).toMatch(/empty\.mkv: .*empty/i);
    const json = lastLine((await bollyxBatch(['--json'])).stdout);
    for (const film of json.films.filter((film) => film.status !== 'invalid')) {
      expect(film.status).toBe('skipped');
    }
    // How long a skip takes is a figure for the notes (bench), not an assertion a loaded machine could break.
    console.info(`batch skip: ${json.films.map((film) => `${path.basename(film.file)} ${film.status} ${film.durationMs} ms`).join(', ')}; whole command ${Math.round(took)} ms`);
  });

  it('with --recursive finds the film in the subfolder; Ctrl-C cancels it and the next run resumes it', async () => {
    const { args, options } = batchArgs(['--recursive', '--concurrency', '1', '--json']);
    const stopped = execa(process.execPath, args, { ...options, buffer: { stdout: true, stderr: true } });
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const onData = (chunk: Buffer) => {
        seen += chunk.toString();
        if (/"type":"film-event","file":"[^"]*extra\/a\.mp4","event":\{"type":"stage-start"/.test(seen)) {
          // One Ctrl-C: a second one ends the process at once.
          stopped.stdout!.off('data', onData);
          process.kill(stopped.pid!, 'SIGINT');
          resolve();
        }
      };
      stopped.stdout!.on('data', onData);
      stopped.once('exit', () => reject(new Error(`the batch ended before extra/a.mp4 started:\n${seen}`)));
    });
    const cancelled = await stopped;
    expect(cancelled.exitCode).toBe(130);
    const partial = byName(lastLine(cancelled.stdout));
    expect(partial['extra/a.mp4']).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect([partial['a.mp4']!.status, partial['b.mp4']!.status]).toEqual(['skipped', 'skipped']);

    // Resumed, with every film's outputs copied: the subfolder's a.mp4 would land on the copies of the other a.mp4.
    const resumed = await bollyxBatch(['--recursive', '--concurrency', '1', '--json', '--output-dir', path.join(root, 'out')]);
    const summary = lastLine(resumed.stdout);
    const after = byName(summary);
    expect(after['a.mp4']).toMatchObject({ status: 'skipped', outputs: { subtitles: { hi: { srt: path.join(root, 'out', 'a.hi.srt') } } } });
    expect(after['b.mp4']!.status).toBe('skipped');
    // Its stages ran (resumed in the job the cancelled run used), then the copy was refused: a failure with its code and fix.
    expect(after['extra/a.mp4']).toMatchObject({ status: 'failed', error: { code: 'OUTPUT_EXISTS', hint: expect.stringContaining('--output-dir') } });
    if (partial['extra/a.mp4']!.jobId !== undefined) expect(after['extra/a.mp4']!.jobId).toBe(partial['extra/a.mp4']!.jobId);
    expect(summary.ok).toBe(false);
    expect(resumed.exitCode).toBe(95);
  });

  it('exits with the usage code when there is no media, or the concurrency is not a number', async () => {
    const empty = path.join(root, 'no-films');
    await mkdir(empty);
    const none = await execa(process.execPath, [cli, 'batch', empty], batchArgs([]).options);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('No media found in');
    expect(none.stderr).toContain('--recursive');
    const zero = await bollyxBatch(['--concurrency', 'many']);
    expect(zero.exitCode).toBe(2);
    expect(zero.stderr).toContain('concurrency');
  });
});
