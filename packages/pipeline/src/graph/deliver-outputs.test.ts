import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tools/test-temp-dir';
import { deliverOutputs } from './deliver-outputs';

const tempDir = useTempDirs();

async function job(): Promise<string> {
  const jobDir = await tempDir();
  await mkdir(join(jobDir, 'subtitles'));
  await mkdir(join(jobDir, 'output'));
  await writeFile(join(jobDir, 'subtitles/hi.srt'), 'hi srt');
  await writeFile(join(jobDir, 'output/film.mkv'), 'video');
  return jobDir;
}
const outputs = { subtitles: { hi: { srt: 'subtitles/hi.srt' } }, video: { mkv: 'output/film.mkv' } };

describe('deliverOutputs', () => {
  it('copies the outputs under the movie’s name', async () => {
    const jobDir = await job();
    const dir = join(await tempDir(), 'out');
    const delivered = await deliverOutputs({ jobDir, outputs, stem: 'Sholay', dir });
    expect(delivered).toEqual({ subtitles: { hi: { srt: join(dir, 'Sholay.hi.srt') } }, video: { mkv: join(dir, 'Sholay.subtitled.mkv') } });
    expect(await readFile(join(dir, 'Sholay.hi.srt'), 'utf8')).toBe('hi srt');
    // Each copy is moved into place: no temp file is left beside them.
    expect((await readdir(dir)).sort()).toEqual(['Sholay.hi.srt', 'Sholay.subtitled.mkv']);
  });

  it('copies nothing when one of the names is taken', async () => {
    const jobDir = await job();
    const dir = await tempDir();
    await writeFile(join(dir, 'Sholay.subtitled.mkv'), 'mine');
    await expect(deliverOutputs({ jobDir, outputs, stem: 'Sholay', dir })).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    expect(await readdir(dir)).toEqual(['Sholay.subtitled.mkv']);
    expect(await readFile(join(dir, 'Sholay.subtitled.mkv'), 'utf8')).toBe('mine');
  });
});
