import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { toAss } from '@bollyx/subtitles';
import type { Cue } from '@bollyx/subtitles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFrameText, textSimilarity } from '../../../../../tools/test-ocr';
import { burnSubtitles } from './burn-subtitles';
import { pickVideoEncoder } from './video-encoder';

let dir: string;
let video: string;

// A conjunct with a halant (क्या, प्रिय: क्+य, प्+र) and an i-matra drawn before its consonant (दिल):
// what simple shaping gets wrong (क्या as क् या, दिल as दलि). A line of English for the Latin font.
const HINDI: Cue[] = [
  { index: 1, start: 0.4, end: 1.6, lines: ['क्या आप दिल से'] },
  { index: 2, start: 2.0, end: 3.4, lines: ['प्रिय मित्र'] },
];
const ENGLISH: Cue[] = [{ index: 1, start: 0.4, end: 1.6, lines: ['Hello my dear friend'] }];

/**
 * Tesseract's hin model can slip on a character of cleanly drawn Devanagari; 0.9 allows one slip in
 * a 10–14 character line. Unshaped, क्या आप दिल से reads कया आप दलि से (simple shaping, checked by hand):
 * 2 edits in 14, 0.86, under it. The words that need shaping are also checked as they are.
 */
const SIMILAR = 0.9;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bollyx-burn-'));
  video = join(dir, 'dark.mp4');
  // A plain dark picture: OCR reads nothing but the subtitles.
  await execa('ffmpeg', [
    '-hide_banner', '-loglevel', 'error',
    '-f', 'lavfi', '-i', 'color=c=0x101418:s=1280x720:r=25:d=4',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=4',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', video,
  ]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function burn(cues: Cue[], language: string): Promise<string> {
  const ass = join(dir, `${language}.ass`);
  await writeFile(ass, toAss(cues, { language, playResX: 1280, playResY: 720 }));
  const output = join(dir, `film.${language}.burned.mp4`);
  const progress: number[] = [];
  await burnSubtitles({ video, ass, output, onProgress: (fraction) => progress.push(fraction) });
  expect(progress.at(-1)).toBe(1);
  return output;
}

describe('burnSubtitles', () => {
  it('draws shaped Devanagari that Tesseract reads back at the cue times, and nothing between cues', async () => {
    const burned = await burn(HINDI, 'hi');
    const first = await readFrameText(burned, 1.0, 'hin');
    const second = await readFrameText(burned, 2.7, 'hin');
    expect(textSimilarity(first, 'क्या आप दिल से')).toBeGreaterThanOrEqual(SIMILAR);
    expect(first.split(' ')).toEqual(expect.arrayContaining(['क्या', 'दिल']));
    expect(textSimilarity(second, 'प्रिय मित्र')).toBeGreaterThanOrEqual(SIMILAR);
    expect(second.split(' ')).toContain('प्रिय');
    expect(await readFrameText(burned, 1.8, 'hin')).toBe('');
    // The audio is copied, the video re-encoded to H.264.
    const { stdout } = await execa('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', burned]);
    expect(stdout.split('\n')).toEqual(['h264', 'aac']);
  });

  it('draws English', async () => {
    const burned = await burn(ENGLISH, 'en');
    expect(textSimilarity(await readFrameText(burned, 1.0, 'eng'), 'Hello my dear friend')).toBeGreaterThanOrEqual(SIMILAR);
  });

  it('falls back to libx264 when the hardware encoder cannot start, and stops when cancelled', async () => {
    const ass = join(dir, 'en.ass');
    await writeFile(ass, toAss(ENGLISH, { language: 'en' }));
    const output = join(dir, 'fallback.mp4');
    // ffmpeg lists NVENC on any machine; without an NVIDIA GPU it fails to open.
    const hasNvidia = await stat('/dev/nvidia0').then(() => true, () => false);
    const fallbacks: string[] = [];
    const used = await burnSubtitles({ video, ass, output, encoder: 'h264_nvenc', onFallback: (encoder) => fallbacks.push(encoder) });
    expect(used).toBe(hasNvidia ? 'h264_nvenc' : 'libx264');
    expect(fallbacks).toEqual(hasNvidia ? [] : ['h264_nvenc']);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(burnSubtitles({ video, ass, output: join(dir, 'cancelled.mp4'), signal: controller.signal })).rejects.toThrow('stop');
  });
});

describe('pickVideoEncoder', () => {
  it('takes NVENC with an NVIDIA GPU, VideoToolbox on macOS when ffmpeg has it, else libx264', async () => {
    const linux = { os: { platform: 'linux' }, nvidiaGpus: [] };
    expect(await pickVideoEncoder(linux)).toBe('libx264');
    const { stdout } = await execa('ffmpeg', ['-hide_banner', '-encoders']);
    expect(await pickVideoEncoder({ ...linux, nvidiaGpus: [{}] })).toBe(/\bh264_nvenc\b/.test(stdout) ? 'h264_nvenc' : 'libx264');
    expect(await pickVideoEncoder({ os: { platform: 'darwin' }, nvidiaGpus: [] })).toBe(/\bh264_videotoolbox\b/.test(stdout) ? 'h264_videotoolbox' : 'libx264');
  });
});
