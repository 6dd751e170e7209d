import { expect, it } from 'vitest';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { runStageScript } from './run-stage-script';
import { asrResultSchema } from './script-results';
import { TONES_DURATION, expectProgress, scriptCases, useTonesClip } from './script-cases';

const tempDir = useTempDirs();
const tonesClip = useTonesClip();
const request = () => scriptCases.find((script) => script.name === 'asr_mlx')!.request(tonesClip());

it('writes segments of words, with progress read from the segments mlx-whisper prints as it decodes', async () => {
  // beamSize is sent, as the pipeline sends every ASR field; mlx-whisper has no beam search and is not given it.
  const run = await runStageScript('asr_mlx', request(), { dir: await tempDir() });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  const result = asrResultSchema.parse(run.result);
  expect(result.segments.map(({ start, end, text }) => ({ start, end, text }))).toEqual([
    { start: 0, end: 1, text: 'sound 1' },
    { start: 2, end: 3.5, text: 'sound 2' },
    { start: 4.5, end: 5.5, text: 'sound 3' },
  ]);
  expect(result.segments[1]?.words).toEqual([{ text: 'sound', start: 2, end: 2.75 }, { text: '2', start: 2.75, end: 3.5 }]);
  expectProgress(run.progress, [1 / TONES_DURATION, 3.5 / TONES_DURATION, 5.5 / TONES_DURATION]);
  // The printed segment lines became progress, not log lines.
  expect(run.events.filter((event) => event.event === 'log')).toEqual([]);
  expect(run.strayFiles).toEqual([]);
});

it('logs what mlx-whisper prints besides segments, such as the language it detected', async () => {
  const run = await runStageScript('asr_mlx', { ...request(), language: null }, { dir: await tempDir() });

  expect(asrResultSchema.parse(run.result).language).toBe('en');
  expect(run.events).toContainEqual({ event: 'log', message: 'Detected language: English' });
});
