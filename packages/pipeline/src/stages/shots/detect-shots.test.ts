import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCutFilm, makeMedia } from '../../../../../tools/test-media';
import { detectShots } from './detect-shots';
import { filterValue } from './filter-value';

let dir: string;

beforeAll(async () => {
  // A colon and a comma in the folder: the metadata report's path must stay one filter value.
  dir = await mkdtemp(join(tmpdir(), 'bollyx-shots-a:b,c-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('detectShots', () => {
  it('finds the cuts of a generated film at their frames, with the real frame rate and progress', async () => {
    const film = await makeCutFilm(join(dir, 'cuts.mp4'), { cuts: [50, 130, 200], frames: 260, frameRate: 25 });
    const progress: number[] = [];
    const shots = await detectShots({ input: film, onProgress: (fraction) => progress.push(fraction) });
    expect(shots.frameRate).toBe(25);
    expect(shots.cuts.map((cut) => cut.frame)).toEqual([50, 130, 200]);
    expect(shots.cuts.map((cut) => cut.time)).toEqual([2, 5.2, 8]);
    for (const cut of shots.cuts) expect(cut.score).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);
  });

  it('reads NTSC rates as the fraction they are', async () => {
    const film = await makeCutFilm(join(dir, 'ntsc.mkv'), { cuts: [24], frames: 48, frameRate: 24000 / 1001 });
    const shots = await detectShots({ input: film });
    expect(shots.frameRate).toBeCloseTo(23.976, 3);
    expect(shots.cuts.map((cut) => cut.frame)).toEqual([24]);
  });

  it('reads the film, not cover art stored as a video stream before it', async () => {
    const film = await makeCutFilm(join(dir, 'uncovered.mp4'), { cuts: [25], frames: 50, frameRate: 25 });
    const cover = join(dir, 'cover.png');
    await execa('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=red:s=64x64', '-frames:v', '1', `file:${cover}`]);
    const covered = join(dir, 'covered.mp4');
    await execa('ffmpeg', ['-v', 'error', '-i', `file:${cover}`, '-i', `file:${film}`, '-map', '0', '-map', '1', '-c', 'copy', '-disposition:v:0', 'attached_pic', `file:${covered}`]);
    const shots = await detectShots({ input: covered });
    expect(shots.frameRate).toBe(25);
    expect(shots.cuts.map((cut) => cut.frame)).toEqual([25]);
  });

  it('fails typed on audio-only media, and stops when cancelled', async () => {
    const audio = await makeMedia(join(dir, 'audio.m4a'), { duration: 1, video: false });
    await expect(detectShots({ input: audio })).rejects.toMatchObject({ code: 'SHOTS_FAILED' });
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(detectShots({ input: audio, signal: controller.signal })).rejects.toThrow('stop');
  });
});

describe('filterValue', () => {
  it('escapes for the option and the graph parser', () => {
    expect(filterValue("/a:b,c'd")).toBe(String.raw`/a\\:b\,c\\\'d`);
  });
});
