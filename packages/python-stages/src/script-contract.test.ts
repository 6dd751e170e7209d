import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// The engine's own classifier, from source: its build is for Node, not for this package's test runner.
import { looksLikeDeviceError } from '../../stage-runner/src/device';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { pythonStageScript, pythonStageScriptNames } from './python-scripts';
import { errorOf, runStageScript } from './run-stage-script';
import { cacheHubModel, scriptCases, useTonesClip } from './script-cases';

// The contract every stage script keeps (exit statuses, error events, atomic results), run for real with
// python3 and the stand-in outside libraries.

const tempDir = useTempDirs();
const tonesClip = useTonesClip();

it('ships every script under python/', () => {
  for (const name of pythonStageScriptNames) expect(existsSync(pythonStageScript(name)), name).toBe(true);
});

describe.each(scriptCases)('$name', (script) => {
  let audio = '';
  beforeAll(() => {
    audio = tonesClip();
  });
  const run = async (request: Record<string, unknown>, options: { env?: Record<string, string>; standIns?: boolean } = {}) =>
    runStageScript(script.name, request, { dir: await tempDir(), ...options, env: { ...script.env, ...options.env } });

  it('reports a device error (exit 4) in the words of its library, and the same request runs on the CPU', async () => {
    const failed = await run(script.request(audio), { env: { BOLLYX_STANDIN_FAIL: 'cuda-oom' } });
    expect(failed.exitCode).toBe(4);
    const error = errorOf(failed);
    expect(error?.code).toBe('DEVICE_ERROR');
    expect(error?.message).toContain(script.outOfMemory);
    expect(error?.message).toContain(script.gpu === 'cuda' ? 'CUDA' : 'Metal');
    if (script.gpu === 'cuda') expect(looksLikeDeviceError(error?.message ?? '')).toBe(true);
    expect(failed.result).toBeUndefined();
    expect(failed.strayFiles).toEqual([]);

    const onCpu = await run({ ...script.request(audio), device: 'cpu' }, { env: { BOLLYX_STANDIN_FAIL: 'cuda-oom' } });
    expect(onCpu.exitCode, JSON.stringify(onCpu.events)).toBe(0);
    expect(script.schema.safeParse(onCpu.result).success).toBe(true);
    expect(onCpu.strayFiles).toEqual([]);
  });

  it('names `bollyx env create` (exit 5) when its library cannot be imported or is broken', async () => {
    for (const options of [{ standIns: false }, { env: { BOLLYX_STANDIN_FAIL: 'import' } }]) {
      const failed = await run(script.request(audio), options);
      expect(failed.exitCode).toBe(5);
      expect(errorOf(failed)?.code).toBe('BACKEND_MISSING');
      expect(errorOf(failed)?.message).toContain(`bollyx env create ${script.environment}`);
    }
  });

  it('refuses a bad request (exit 2) before it imports its library', async () => {
    const { model: _model, ...withoutModel } = script.request(audio);
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [withoutModel, /the request has no `model`/],
      [{ ...script.request(audio), [script.badField.key]: script.badField.value }, script.badField.message],
    ];
    if ('audio' in script.request(audio)) {
      bad.push([{ ...script.request(audio), audio: join(dirname(audio), 'missing.wav') }, /`audio` is not a readable file/]);
    }
    for (const [request, message] of bad) {
      // No stand-ins: a script that imported its library first would exit 5, not 2.
      const failed = await run(request, { standIns: false });
      expect(failed.exitCode, JSON.stringify(request)).toBe(2);
      expect(errorOf(failed)?.code).toBe('BAD_REQUEST');
      expect(errorOf(failed)?.message).toMatch(message);
    }
  });

  it('says which model to pull (exit 3) when it is not cached and downloads are off, and runs once it is', async () => {
    const hubCache = await tempDir();
    const offline = { HF_HUB_OFFLINE: '1', HF_HUB_CACHE: hubCache };
    const request = script.request(audio);
    const missing = await run(request, { env: offline, standIns: false });
    expect(missing.exitCode).toBe(3);
    expect(errorOf(missing)?.code).toBe('MODEL_MISSING');
    expect(errorOf(missing)?.message).toContain(`${String(request.model)} is not in the Hugging Face cache ${hubCache}`);
    expect(errorOf(missing)?.message).toContain('`bollyx models list`');

    await cacheHubModel(hubCache, String(request.model));
    const cached = await run(request, { env: offline });
    expect(cached.exitCode, JSON.stringify(cached.events)).toBe(0);
  });

  it('reports a model its library cannot find (exit 3)', async () => {
    const failed = await run(script.request(audio), { env: { BOLLYX_STANDIN_FAIL: 'model-missing' } });
    expect(failed.exitCode).toBe(3);
    expect(errorOf(failed)?.code).toBe('MODEL_MISSING');
    expect(errorOf(failed)?.message).toContain('LocalEntryNotFoundError');
    expect(errorOf(failed)?.message).toContain('bollyx models pull');
  });

  it('refuses an absolute model folder that does not exist (exit 3)', async () => {
    const folder = join(dirname(audio), 'no-such-model');
    const failed = await run({ ...script.request(audio), model: folder });
    expect(failed.exitCode).toBe(3);
    expect(errorOf(failed)?.message).toBe(`the model folder ${folder} does not exist`);
  });
});
