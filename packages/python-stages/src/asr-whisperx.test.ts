import { expect, it } from 'vitest';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { runStageScript } from './run-stage-script';
import { asrResultSchema } from './script-results';
import { expectProgress, scriptCases, useTonesClip } from './script-cases';

const tempDir = useTempDirs();
const tonesClip = useTonesClip();
const request = () => scriptCases.find((script) => script.name === 'asr_whisperx')!.request(tonesClip());

it('spreads the words of each segment over its time by length, WhisperX giving no word times', async () => {
  const run = await runStageScript('asr_whisperx', request(), { dir: await tempDir() });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  // "sound" has five letters to the digit's one: five sixths of the segment.
  expect(asrResultSchema.parse(run.result)).toEqual({
    language: 'hi',
    segments: [
      { start: 0, end: 1, text: 'sound 1', words: [{ text: 'sound', start: 0, end: 0.833 }, { text: '1', start: 0.833, end: 1 }] },
      { start: 2, end: 3.5, text: 'sound 2', words: [{ text: 'sound', start: 2, end: 3.25 }, { text: '2', start: 3.25, end: 3.5 }] },
      { start: 4.5, end: 5.5, text: 'sound 3', words: [{ text: 'sound', start: 4.5, end: 5.333 }, { text: '3', start: 5.333, end: 5.5 }] },
    ],
  });
  expect(run.strayFiles).toEqual([]);
});

it('turns the "Progress: X%" lines WhisperX prints into progress events, not log lines', async () => {
  const run = await runStageScript('asr_whisperx', request(), { dir: await tempDir() });

  expectProgress(run.progress, [1 / 3, 2 / 3]);
  expect(run.events.filter((event) => event.message.startsWith('Progress:'))).toEqual([]);
});

it('runs on the CPU in int8 when asked for int8_float16', async () => {
  const run = await runStageScript('asr_whisperx', { ...request(), device: 'cpu', computeType: 'int8_float16' }, { dir: await tempDir() });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  expect(run.events).toContainEqual({ event: 'log', message: 'CTranslate2 cannot compute int8_float16 on the CPU: using int8' });
});
