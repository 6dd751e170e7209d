import { expect, it } from 'vitest';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { runStageScript } from './run-stage-script';
import { nerResultSchema } from './script-results';
import { scriptCases } from './script-cases';

const tempDir = useTempDirs();
const request = () => scriptCases.find((script) => script.name === 'ner_transformers')!.request('');

it('finds the named entities of each text with their spans, skipping blank texts, reporting progress by batch', async () => {
  const run = await runStageScript('ner_transformers', { ...request(), device: 'cpu' }, { dir: await tempDir() });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  // The stand-in tags capitalised runs as PER, and LOC after "in": the shape the real pipeline returns with aggregation_strategy="simple".
  expect(nerResultSchema.parse(run.result)).toEqual({
    entities: [
      { text: 0, word: 'Amar', group: 'PER', score: 0.9, start: 0, end: 4 },
      { text: 0, word: 'Meghna', group: 'PER', score: 0.9, start: 9, end: 15 },
      { text: 0, word: 'Delhi', group: 'LOC', score: 0.9, start: 19, end: 24 },
      { text: 2, word: 'They', group: 'PER', score: 0.9, start: 0, end: 4 },
    ],
  });
  expect(run.progress).toEqual([0, 1, 1]);
});
