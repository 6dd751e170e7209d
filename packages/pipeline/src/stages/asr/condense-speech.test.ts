import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../../tools/test-temp-dir';
import { openPcmWav } from '../vad/pcm-wav';
import { condenseSpeech } from './condense-speech';

const tempDir = useTempDirs();

async function samples(file: string): Promise<Float32Array> {
  const wav = await openPcmWav(file);
  const parts: Float32Array[] = [];
  for await (const block of wav.blocks(4096)) parts.push(block);
  await wav.close();
  const all = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

async function noiseWav(dir: string): Promise<string> {
  const file = join(dir, 'source.wav');
  await execa('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'anoisesrc=r=16000:a=0.5:d=3:seed=3', '-ac', '1', '-c:a', 'pcm_s16le', file]);
  return file;
}

describe('condenseSpeech', () => {
  it('writes the speech spans end to end, sample for sample, with silence between them', async () => {
    const dir = await tempDir();
    const sourceWav = await noiseWav(dir);
    const output = join(dir, 'speech.wav');
    const timeline = await condenseSpeech({ sourceWav, spans: [{ start: 2, end: 2.25 }, { start: 0.5, end: 1 }], output, gapSeconds: 0.5 });
    expect(timeline.chunks).toEqual([
      { sourceStart: 0.5, sourceEnd: 1, condensedStart: 0 },
      { sourceStart: 2, sourceEnd: 2.25, condensedStart: 1 },
    ]);
    const source = await samples(sourceWav);
    const condensed = await samples(output);
    expect(condensed.length).toBe(16_000 * 1.25);
    expect(condensed.subarray(0, 8000)).toEqual(source.subarray(8000, 16_000));
    expect(condensed.subarray(8000, 16_000).every((sample) => sample === 0)).toBe(true);
    expect(condensed.subarray(16_000)).toEqual(source.subarray(32_000, 36_000));
  });

  it('writes a second of silence when there is no speech, which Whisper accepts', async () => {
    const dir = await tempDir();
    const output = join(dir, 'speech.wav');
    const timeline = await condenseSpeech({ sourceWav: await noiseWav(dir), spans: [], output });
    expect(timeline.chunks).toEqual([]);
    const condensed = await samples(output);
    expect(condensed.length).toBe(16_000);
    expect(condensed.every((sample) => sample === 0)).toBe(true);
  });

  it('stops when aborted', async () => {
    const dir = await tempDir();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      condenseSpeech({ sourceWav: await noiseWav(dir), spans: [{ start: 0, end: 1 }], output: join(dir, 'x.wav'), signal: controller.signal }),
    ).rejects.toThrow('stop');
  });
});
