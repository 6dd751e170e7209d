import { expect, it } from 'vitest';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { runStageScript } from './run-stage-script';
import { asrResultSchema } from './script-results';
import { expectProgress, scriptCases, useTonesClip } from './script-cases';

const tempDir = useTempDirs();
const tonesClip = useTonesClip();
const request = () => scriptCases.find((script) => script.name === 'align_whisperx')!.request(tonesClip());

it('times every word as WhisperX 3.7.9 aligns it, digits included; a segment it cannot align by length', async () => {
  const segments = [
    { start: 0, end: 1, text: 'sound one' },
    // Two sentences: WhisperX splits them. "42" has no letter its model knows: 3.7.9 aligns it against a wildcard.
    { start: 2, end: 3.5, text: 'Part 42 here. Next part.' },
    // No letter at all: aligned the same way, word by word.
    { start: 4.5, end: 5.5, text: '123 456' },
    { start: 5.5, end: 5.5, text: '  ' },
    // Starting past the audio's end: WhisperX keeps the segment's times and gives no words, so they share it by length.
    { start: 6, end: 7, text: 'too late' },
  ];
  const run = await runStageScript('align_whisperx', { ...request(), segments }, { dir: await tempDir() });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  const result = asrResultSchema.parse(run.result);
  expect(result.language).toBe('hi');
  expect(result.segments.map((segment) => segment.text)).toEqual(['sound one', 'Part 42 here.', 'Next part.', '123 456', 'too late']);
  // The stand-in times words by length over all 8 characters of "sound one" (a space is no word).
  expect(result.segments[0]?.words).toEqual([{ text: 'sound', start: 0, end: 0.625 }, { text: 'one', start: 0.625, end: 1 }]);
  // "Part 42 here." takes 13 of the segment's 23 characters (0.848 s), shared by its words' 11 letters and digits.
  expect(result.segments[1]?.words).toEqual([
    { text: 'Part', start: 2, end: 2.308 },
    { text: '42', start: 2.308, end: 2.462 },
    { text: 'here.', start: 2.462, end: 2.848 },
  ]);
  expect(result.segments[3]?.words).toEqual([{ text: '123', start: 4.5, end: 5 }, { text: '456', start: 5, end: 5.5 }]);
  expect(result.segments[4]?.words).toEqual([{ text: 'too', start: 6, end: 6.429 }, { text: 'late', start: 6.429, end: 7 }]);
  // One progress event per request segment, the blank one included.
  expectProgress(run.progress, [0.2, 0.4, 0.6, 0.8]);
  expect(run.strayFiles).toEqual([]);
});
