import { expect, it } from 'vitest';
import { useTempDirs } from '../../../tools/test-temp-dir';
// The engine's own classifier, from source: its build is for Node, not for this package's test runner.
import { looksLikeDeviceError } from '../../stage-runner/src/device';
import { errorOf, runStageScript } from './run-stage-script';
import { translateResultSchema } from './script-results';
import { expectProgress, scriptCases } from './script-cases';

const tempDir = useTempDirs();
const request = scriptCases.find((script) => script.name === 'translate_nllb')!.request('');

it('translates in batches into the language forced as the first token, blank texts passing through empty', async () => {
  const texts = ['', 'मैं घर जा रहा हूँ', 'ठीक है', 'चलो'];
  const run = await runStageScript('translate_nllb', { ...request, texts, batchSize: 2 }, { dir: await tempDir() });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  // The stand-in model reverses the words only when told the target language (forced_bos_token_id).
  expect(translateResultSchema.parse(run.result)).toEqual({ language: 'en', texts: ['', 'हूँ रहा जा घर मैं', 'है ठीक', 'चलो'] });
  expectProgress(run.progress, [2 / 3]);
  expect(run.strayFiles).toEqual([]);
});

it('writes an empty list for no texts', async () => {
  const run = await runStageScript('translate_nllb', { ...request, texts: [] }, { dir: await tempDir() });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  expect(translateResultSchema.parse(run.result)).toEqual({ language: 'en', texts: [] });
  expectProgress(run.progress, []);
});

it('runs torch on Metal as mps, its out-of-memory error a device error', async () => {
  const run = await runStageScript('translate_nllb', { ...request, device: 'metal' }, { dir: await tempDir(), env: { BOLLYX_STANDIN_FAIL: 'cuda-oom' } });

  expect(run.exitCode).toBe(4);
  const message = errorOf(run)?.message ?? '';
  expect(message).toMatch(/^Metal error: RuntimeError: MPS backend out of memory/);
  expect(looksLikeDeviceError(message)).toBe(true);
});
