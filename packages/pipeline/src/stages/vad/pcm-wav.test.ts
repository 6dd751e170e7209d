import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPcmWav } from './pcm-wav';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bollyx-wav-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A WAV of constant per-channel values from ffmpeg (which adds a LIST chunk before the data). */
async function constantWav(name: string, channels: string, codec = 'pcm_s16le'): Promise<string> {
  const path = join(dir, name);
  await execa('ffmpeg', [
    '-loglevel', 'error',
    '-f', 'lavfi',
    '-i', `aevalsrc=${channels}:s=16000:d=0.5`,
    '-c:a', codec,
    path,
  ]);
  return path;
}

async function readAll(path: string): Promise<{ frames: number; samples: number[] }> {
  const wav = await openPcmWav(path);
  const samples: number[] = [];
  for await (const block of wav.blocks(1000)) samples.push(...block);
  await wav.close();
  return { frames: wav.format.frameCount, samples };
}

describe('openPcmWav', () => {
  it('finds the data past other chunks and reads samples as floats', async () => {
    const { frames, samples } = await readAll(await constantWav('mono.wav', '0.5'));

    expect(frames).toBe(8000);
    expect(samples).toHaveLength(8000);
    expect(new Set(samples)).toEqual(new Set([0.5]));
  });

  it('averages the channels of a stereo file', async () => {
    const { samples } = await readAll(await constantWav('stereo.wav', '0.5|-0.25'));

    expect(samples).toHaveLength(8000);
    expect(new Set(samples)).toEqual(new Set([0.125]));
  });

  it('reads a WAV streamed through a pipe, whose data size was never filled in', async () => {
    const path = join(dir, 'streamed.wav');
    const { stdout } = await execa(
      'ffmpeg',
      [
        '-loglevel', 'error',
        '-f', 'lavfi',
        '-i', 'aevalsrc=0.25:s=16000:d=0.5',
        '-c:a', 'pcm_s16le',
        '-f', 'wav',
        'pipe:1',
      ],
      { encoding: 'buffer' },
    );
    await writeFile(path, stdout);

    const { frames, samples } = await readAll(path);

    expect(frames).toBe(8000);
    expect(new Set(samples)).toEqual(new Set([0.25]));
  });

  it('refuses float WAVs and files that are not WAV at all', async () => {
    const text = join(dir, 'notes.wav');
    await writeFile(text, 'these are not samples');

    await expect(openPcmWav(await constantWav('float.wav', '0.5', 'pcm_f32le'))).rejects.toMatchObject({
      code: 'VAD_AUDIO_INVALID',
      message: expect.stringContaining('format tag 3'),
    });
    await expect(openPcmWav(text)).rejects.toMatchObject({
      code: 'VAD_AUDIO_INVALID',
      message: expect.stringContaining('not a RIFF/WAVE'),
    });
  });
});
