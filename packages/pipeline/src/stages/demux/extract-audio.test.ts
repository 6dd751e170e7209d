import { mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMedia, makeMovie } from '../../../../../tools/test-media';
import { openPcmWav, pcmWavHeader } from '../vad/pcm-wav';
import { extractAudio } from './extract-audio';

let dir: string;
let tagged: string;
let untagged: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bollyx-demux-'));
  // A leading "-", spaces and Devanagari: the name must reach ffmpeg as a file, not an option.
  tagged = await makeMovie(join(dir, '-फ़िल्म with spaces.mkv'), {
    duration: 3,
    audio: [
      { tone: 440, language: 'eng', title: 'English dub' },
      { tone: 880, language: 'hin', title: 'Original' },
    ],
  });
  untagged = await makeMovie(join(dir, 'untagged.mp4'), { duration: 3, audio: [{ tone: 440 }, { tone: 660 }] });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The tone's frequency, from zero crossings: tells which stream was extracted. */
async function dominantFrequency(path: string): Promise<number> {
  const wav = await openPcmWav(path);
  let crossings = 0;
  let previous = 0;
  for await (const block of wav.blocks(16_000)) {
    for (const sample of block) {
      if ((previous < 0 && sample >= 0) || (previous >= 0 && sample < 0)) crossings += 1;
      previous = sample;
    }
  }
  await wav.close();
  return crossings / 2 / (wav.format.frameCount / wav.format.sampleRate);
}

/** AAC's edges blur the count a little; the tones under test are 220 Hz or more apart. */
async function expectTone(path: string, frequency: number): Promise<void> {
  expect(Math.abs((await dominantFrequency(path)) - frequency)).toBeLessThan(30);
}

describe('extractAudio', () => {
  it('picks the stream tagged with the source language and writes 16 kHz mono PCM', async () => {
    const output = join(dir, 'hindi', 'audio.wav');
    const progress: number[] = [];

    const result = await extractAudio({
      input: tagged,
      output,
      language: 'hi',
      onProgress: (fraction) => progress.push(fraction),
    });

    expect(result.stream).toMatchObject({ index: 2, audioIndex: 1, language: 'hin', codec: 'aac', channels: 1 });
    // Matroska shifts the stream by the AAC encoder delay (64 ms at 16 kHz).
    expect(result.duration).toBeCloseTo(3, 0);
    const wav = await openPcmWav(output);
    await wav.close();
    expect(wav.format).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16 });
    await expectTone(output, 880);
    expect(progress.at(-1)).toBe(1);
    expect(await readdir(join(dir, 'hindi'))).toEqual(['audio.wav']);
  });

  it('takes the N-th audio stream when asked, over the language', async () => {
    const output = join(dir, 'first.wav');

    const result = await extractAudio({ input: tagged, output, streamIndex: 0, language: 'hi' });

    expect(result.stream).toMatchObject({ audioIndex: 0, language: 'eng' });
    await expectTone(output, 440);
  });

  it('falls back to the first audio stream when none carries the language', async () => {
    const output = join(dir, 'fallback.wav');

    const result = await extractAudio({ input: untagged, output, language: 'hi' });

    expect(result.stream).toMatchObject({ audioIndex: 0, language: null });
    await expectTone(output, 440);
  });

  it("pads a stream that starts after the video, so its samples keep the movie's timeline", async () => {
    const late = await makeMovie(join(dir, 'late audio.mkv'), { duration: 3, audio: [{ tone: 440, offset: 0.5 }] });
    const output = join(dir, 'late.wav');

    await extractAudio({ input: late, output });

    const wav = await openPcmWav(output);
    let firstSound = -1;
    let index = 0;
    for await (const block of wav.blocks(16_000)) {
      for (const sample of block) {
        if (firstSound < 0 && Math.abs(sample) > 0.01) firstSound = index;
        index += 1;
      }
    }
    await wav.close();
    expect(firstSound / 16_000).toBeCloseTo(0.5, 1);
  });

  it('lists the available streams when the index is out of range, or says there are none', async () => {
    const silent = await makeMedia(join(dir, 'silent.mp4'), { duration: 1, audio: false });

    await expect(extractAudio({ input: tagged, output: join(dir, 'x.wav'), streamIndex: 2 })).rejects.toMatchObject({
      code: 'AUDIO_STREAM_NOT_FOUND',
      message: expect.stringMatching(/has 2: 0: eng, aac, 1 ch, English dub; 1: hin, aac, 1 ch, Original/),
    });
    await expect(extractAudio({ input: silent, output: join(dir, 'x.wav') })).rejects.toMatchObject({
      code: 'AUDIO_STREAM_NOT_FOUND',
      message: expect.stringContaining('has no audio stream'),
    });
  });

  it('names a missing input and one ffprobe cannot read', async () => {
    const garbage = join(dir, 'garbage.mkv');
    await writeFile(garbage, 'not a movie');

    await expect(extractAudio({ input: join(dir, 'nope.mkv'), output: join(dir, 'x.wav') })).rejects.toMatchObject({
      code: 'DEMUX_INPUT_NOT_FOUND',
    });
    await expect(extractAudio({ input: garbage, output: join(dir, 'x.wav') })).rejects.toMatchObject({
      code: 'DEMUX_FAILED',
    });
  });

  it('kills ffmpeg and removes the partial file when aborted', async () => {
    // Three hours of 48 kHz stereo as a sparse file: instant to make, and ffmpeg is still early on when
    // it sends its first progress report.
    const long = join(dir, 'three hours.wav');
    const dataBytes = 2 * 1024 ** 3;
    await writeFile(long, pcmWavHeader({ sampleRate: 48_000, channels: 2, dataBytes }));
    await truncate(long, 44 + dataBytes);
    const outputDir = join(dir, 'cancelled');
    const controller = new AbortController();
    const progress: number[] = [];

    const run = extractAudio({
      input: long,
      output: join(outputDir, 'audio.wav'),
      signal: controller.signal,
      onProgress: (fraction) => {
        progress.push(fraction);
        controller.abort();
      },
    });

    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress).toHaveLength(1);
    expect(progress[0]).toBeLessThan(1);
    expect(await readdir(outputDir)).toEqual([]);
  });
});
