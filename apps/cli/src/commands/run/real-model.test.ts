import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseSrt } from '@bollyx/subtitles';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSileroModel } from '../../../../../tools/silero-model';
import { makeMovie, makeSpeechClip } from '../../../../../tools/test-media';

// Real Whisper weights cannot be downloaded here; a folder holding a real ggml-base.bin turns this on.
const realModels = process.env.BOLLYX_TEST_REAL_MODELS;
const baseModel = realModels ? path.join(realModels, 'ggml-base.bin') : undefined;
const skipReason = !realModels
  ? 'BOLLYX_TEST_REAL_MODELS is not set: point it at a folder with a real ggml-base.bin to measure WER'
  : !existsSync(baseModel!)
    ? `no ggml-base.bin in BOLLYX_TEST_REAL_MODELS (${realModels})`
    : undefined;

const SPOKEN = 'The quick brown fox jumps over the lazy dog. Please call me back before seven tonight.';

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s']/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);

/** Word error rate: word-level edit distance over the reference's length. */
function wordErrorRate(reference: string[], hypothesis: string[]): number {
  let previous = Array.from({ length: hypothesis.length + 1 }, (_, index) => index);
  for (let i = 1; i <= reference.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= hypothesis.length; j += 1) {
      const substitution = previous[j - 1]! + (reference[i - 1] === hypothesis[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1));
    }
    previous = current;
  }
  return previous[hypothesis.length]! / reference.length;
}

describe.skipIf(skipReason !== undefined)(`bollyx run with a real base model${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let root: string;
  let movie: string;
  const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'bollyx-real-model-'));
    // Silero VAD in the model cache, as `bollyx models pull silero-vad` leaves it: no download from npm.
    await seedSileroModel(path.join(root, 'models'));
    const clip = await makeSpeechClip(path.join(root, 'speech.wav'), {
      parts: [{ silence: 1 }, { say: SPOKEN, voice: 'en' }, { silence: 1 }],
    });
    movie = await makeMovie(path.join(root, 'english.mp4'), { duration: clip.duration, audio: [{ wav: clip.path, language: 'eng' }] });
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('transcribes generated English speech with a word error rate under 30%', async () => {
    const result = await execa(
      process.execPath,
      [cli, 'run', movie, '-s', 'en', '--workflow', 'transcribe', '--model', baseModel!, '--json'],
      { env: { BOLLYX_WORKSPACE: path.join(root, 'work'), BOLLYX_MODELS_DIR: path.join(root, 'models') }, reject: false },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    const srt = await readFile(summary.outputs.subtitles.en.srt, 'utf8');
    const heard = parseSrt(srt).flatMap((cue) => cue.lines).join(' ');
    expect(wordErrorRate(words(SPOKEN), words(heard))).toBeLessThan(0.3);
  });
});
