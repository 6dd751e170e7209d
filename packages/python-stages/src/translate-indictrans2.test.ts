import { expect, it } from 'vitest';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { runStageScript } from './run-stage-script';
import { translateResultSchema } from './script-results';
import { expectProgress, scriptCases } from './script-cases';

const tempDir = useTempDirs();
const request = scriptCases.find((script) => script.name === 'translate_indictrans2')!.request('');

it('translates in batches, keeping order and count, blank texts passing through empty', async () => {
  const texts = ['एक दो तीन', '', 'चार पाँच', '   ', 'छह', 'सात आठ'];
  const run = await runStageScript('translate_indictrans2', { ...request, texts, batchSize: 2 }, { dir: await tempDir() });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  // The stand-in model "translates" by reversing the words, once IndicProcessor has tagged the language pair.
  expect(translateResultSchema.parse(run.result)).toEqual({ language: 'en', texts: ['तीन दो एक', '', 'पाँच चार', '', 'छह', 'आठ सात'] });
  // Four texts to translate, two per batch.
  expectProgress(run.progress, [0.5]);
  expect(run.strayFiles).toEqual([]);
});

it('computes in float32 on the CPU, where torch has no half-precision kernels', async () => {
  const run = await runStageScript('translate_indictrans2', { ...request, device: 'cpu' }, { dir: await tempDir() });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  expect(run.events).toContainEqual({ event: 'log', message: 'computeType float16 on cpu: computing in float32' });
});
