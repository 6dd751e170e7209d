import { expect, it } from 'vitest';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { runStageScript } from './run-stage-script';
import { asrResultSchema } from './script-results';
import { expectProgress, scriptCases, useTonesClip } from './script-cases';

const tempDir = useTempDirs();
const tonesClip = useTonesClip();
const request = () => scriptCases.find((script) => script.name === 'align_whisperx')!.request(tonesClip());

it('times every word: aligned ones as aligned, unaligned ones in the gap they left, a failed segment by length', async () => {
  const segments = [
    { start: 0, end: 1, text: 'sound one' },
    // Two sentences: WhisperX splits them. "42" has no letter its model knows, so it comes back untimed.
    { start: 2, end: 3.5, text: 'Part 42 here. Next part.' },
    // No letter at all: WhisperX keeps the segment's times and gives no words.
    { start: 4.5, end: 5.5, text: '123 456' },
    { start: 5.5, end: 5.5, text: '  ' },
  ];
  const run = await runStageScript('align_whisperx', { ...request(), segments }, { dir: await tempDir() });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  const result = asrResultSchema.parse(run.result);
  expect(result.language).toBe('hi');
  expect(result.segments.map((segment) => segment.text)).toEqual(['sound one', 'Part 42 here.', 'Next part.', '123 456']);
  // The stand-in times words by length over all 8 characters of "sound one" (a space is no word).
  expect(result.segments[0]?.words).toEqual([{ text: 'sound', start: 0, end: 0.625 }, { text: 'one', start: 0.625, end: 1 }]);
  const [part, fortyTwo, here] = result.segments[1]!.words;
  expect(fortyTwo).toEqual({ text: '42', start: part!.end, end: here!.start });
  expect(fortyTwo!.end).toBeGreaterThan(fortyTwo!.start);
  expect(result.segments[3]?.words).toEqual([{ text: '123', start: 4.5, end: 5 }, { text: '456', start: 5, end: 5.5 }]);
  // One progress event per request segment, the blank one included.
  expectProgress(run.progress, [0.25, 0.5, 0.75]);
  expect(run.strayFiles).toEqual([]);
});
