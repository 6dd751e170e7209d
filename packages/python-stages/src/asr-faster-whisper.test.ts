import { expect, it } from 'vitest';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { runStageScript } from './run-stage-script';
import { asrResultSchema } from './script-results';
import { TONES_DURATION, expectProgress, scriptCases, useTonesClip } from './script-cases';

const tempDir = useTempDirs();
const tonesClip = useTonesClip();
const request = () => scriptCases.find((script) => script.name === 'asr_faster_whisper')!.request(tonesClip());

it('writes segments of words stripped of their leading space, reporting progress as segments stream in', async () => {
  const run = await runStageScript('asr_faster_whisper', request(), { dir: await tempDir() });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  // The stand-in hears " sound N" in each stretch of tone, its words timed evenly across it.
  expect(asrResultSchema.parse(run.result)).toEqual({
    language: 'hi',
    segments: [
      { start: 0, end: 1, text: 'sound 1', words: [{ text: 'sound', start: 0, end: 0.5 }, { text: '1', start: 0.5, end: 1 }] },
      { start: 2, end: 3.5, text: 'sound 2', words: [{ text: 'sound', start: 2, end: 2.75 }, { text: '2', start: 2.75, end: 3.5 }] },
      { start: 4.5, end: 5.5, text: 'sound 3', words: [{ text: 'sound', start: 4.5, end: 5 }, { text: '3', start: 5, end: 5.5 }] },
    ],
  });
  expectProgress(run.progress, [1 / TONES_DURATION, 3.5 / TONES_DURATION, 5.5 / TONES_DURATION]);
  expect(run.strayFiles).toEqual([]);
});

it('names the text English for the translate task, and the detected language when none is given', async () => {
  const translated = await runStageScript('asr_faster_whisper', { ...request(), task: 'translate' }, { dir: await tempDir() });
  const detected = await runStageScript('asr_faster_whisper', { ...request(), language: null }, { dir: await tempDir() });

  const translation = asrResultSchema.parse(translated.result);
  expect(translation.language).toBe('en');
  expect(translation.segments[0]?.text).toBe('translated sound 1');
  // The stand-in detects English, as Whisper would for a tone.
  expect(asrResultSchema.parse(detected.result).language).toBe('en');
});

it('computes int8 on the CPU when asked for float16, which CTranslate2 has no CPU kernels for, and says so', async () => {
  const run = await runStageScript('asr_faster_whisper', { ...request(), device: 'cpu', computeType: 'float16' }, { dir: await tempDir() });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  expect(run.events).toContainEqual({ event: 'log', message: 'CTranslate2 cannot compute float16 on the CPU: using int8' });
});
