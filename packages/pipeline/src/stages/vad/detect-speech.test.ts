import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMovie, makeSpeechClip } from '../../../../../tools/test-media';
import type { SpeechClip } from '../../../../../tools/test-media';
import { seedSileroModel } from '../../../../../tools/silero-model';
import { extractAudio } from '../demux/extract-audio';
import { detectSpeech } from './detect-speech';
import { openPcmWav } from './pcm-wav';
import type { SpeechSegment } from './speech-segments';

let dir: string;
let modelPath: string;
let clip: SpeechClip;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bollyx-vad-'));
  modelPath = await seedSileroModel(join(dir, 'models'));
  // Phrases without commas: espeak pauses at a comma long enough to split a segment.
  clip = await makeSpeechClip(join(dir, 'speech.wav'), {
    parts: [
      { silence: 1.2 },
      { say: 'Good morning everyone and welcome to the show', voice: 'en' },
      { silence: 0.6 },
      { tone: 1.0, frequency: 440 },
      { silence: 0.8 },
      { say: 'आज मौसम बहुत अच्छा है', voice: 'hi' },
      { silence: 1.0 },
      { tone: 0.7, frequency: 1000 },
      { silence: 0.5 },
      { say: 'The train leaves at nine tonight', voice: 'en' },
      { silence: 1.0 },
    ],
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** One segment per spoken line, each within 0.3 s of where the line was placed. */
function expectAtPlacedSpeech(segments: readonly SpeechSegment[]): void {
  expect(segments).toHaveLength(clip.speech.length);
  segments.forEach((segment, index) => {
    const placed = clip.speech[index];
    expect(Math.abs(segment.start - (placed?.start ?? NaN)), `start of line ${index}`).toBeLessThanOrEqual(0.3);
    expect(Math.abs(segment.end - (placed?.end ?? NaN)), `end of line ${index}`).toBeLessThanOrEqual(0.3);
  });
}

describe('detectSpeech', () => {
  it('finds each spoken line where it was placed, and not the tones', async () => {
    const segments = await detectSpeech({ wavPath: clip.path, modelPath });

    expectAtPlacedSpeech(segments);
  });

  it('finds the same lines in a movie once demux has taken its Hindi track', async () => {
    const movie = await makeMovie(join(dir, 'film.mkv'), {
      duration: clip.duration,
      audio: [
        { tone: 440, language: 'eng' },
        { wav: clip.path, language: 'hin' },
      ],
    });
    const { output } = await extractAudio({ input: movie, output: join(dir, 'job', 'audio.wav'), language: 'hi' });

    const segments = await detectSpeech({ wavPath: output, modelPath });

    expectAtPlacedSpeech(segments);
  });

  it('gives the same segments for samples in memory, reporting progress up to 1', async () => {
    const wav = await openPcmWav(clip.path);
    const blocks: Float32Array[] = [];
    for await (const block of wav.blocks(4096)) blocks.push(block);
    await wav.close();
    const samples = new Float32Array(blocks.reduce((sum, block) => sum + block.length, 0));
    blocks.reduce((offset, block) => (samples.set(block, offset), offset + block.length), 0);
    const progress: number[] = [];

    const segments = await detectSpeech({ samples, modelPath, onProgress: (fraction) => progress.push(fraction) });

    expect(segments).toEqual(await detectSpeech({ wavPath: clip.path, modelPath }));
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('stops between windows when aborted', async () => {
    const controller = new AbortController();
    let reports = 0;

    const run = detectSpeech({
      wavPath: clip.path,
      modelPath,
      signal: controller.signal,
      onProgress: () => {
        reports += 1;
        controller.abort();
      },
    });

    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(reports).toBe(1);
  });

  it('rejects a file that is not an ONNX model', async () => {
    const fake = join(dir, 'not-a-model.onnx');
    await writeFile(fake, 'definitely not protobuf');

    await expect(detectSpeech({ wavPath: clip.path, modelPath: fake })).rejects.toMatchObject({
      code: 'VAD_MODEL_INVALID',
    });
    await expect(detectSpeech({ wavPath: clip.path, modelPath: join(dir, 'missing.onnx') })).rejects.toMatchObject({
      code: 'VAD_MODEL_INVALID',
    });
  });

  it('rejects audio that is not 16 kHz, and out-of-range settings', async () => {
    const cd = join(dir, 'cd.wav');
    await execa('ffmpeg', [
      '-loglevel', 'error',
      '-f', 'lavfi',
      '-i', 'sine=sample_rate=44100:duration=1',
      '-c:a', 'pcm_s16le',
      cd,
    ]);

    await expect(detectSpeech({ wavPath: cd, modelPath })).rejects.toMatchObject({
      code: 'VAD_AUDIO_INVALID',
      message: expect.stringContaining('44100 Hz'),
    });
    await expect(detectSpeech({ wavPath: clip.path, modelPath, threshold: 1.5 })).rejects.toMatchObject({
      code: 'VAD_PARAMETERS_INVALID',
      message: expect.stringContaining('threshold'),
    });
  });
});
