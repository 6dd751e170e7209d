import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { environmentsDir, hubCacheDir } from '@bollyx/environment-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestWhisperModel } from '../../../tools/ggml-model';
import { seedSileroModel } from '../../../tools/silero-model';
import { startLoopbackFileServer, type LoopbackFileServer } from '../../../tools/test-http/loopback-file-server';
import { startLoopbackHub, type LoopbackHub } from '../../../tools/test-http/loopback-hub';
import { bootstrap, type BootstrapOptions, type BootstrapProgress } from './bootstrap';
import type { BootstrapItem } from './bootstrap-report';
import type { JobStages } from './job-stages';
import { makeTestMachine, removeTestMachine, writeLightSpec, type TestMachine } from './test-helpers/test-machine';

let machine: TestMachine;
let model: string;
let hub: LoopbackHub;
let mirror: LoopbackFileServer;
const commit = randomBytes(20).toString('hex');

/** whisper.cpp (its engine is shared, so it is up to date) and one Python stage served by the test spec `light`. */
const WITH_PYTHON: JobStages = { whisperCpp: true, python: [{ family: 'asr-faster-whisper', models: [] }] };

/** Bootstrap on the test machine (one machine for the file: its environment is made once, seconds of venv). */
async function run(options: Partial<BootstrapOptions> = {}): Promise<BootstrapItem[]> {
  const seen: BootstrapItem[] = [];
  const report = await bootstrap({
    config: { sources: { flags: { 'asr.model': model } } },
    stagesOf: () => WITH_PYTHON,
    workspace: machine.workspace,
    env: { ...machine.env, BOLLYX_ENV_SPECS_DIR: machine.specsDir, HF_ENDPOINT: hub.endpoint, BOLLYX_MODEL_MIRROR: mirror.url },
    onStep: (item) => seen.push(item),
    ...options,
  });
  expect(seen).toEqual(report.items);
  expect(report.ok).toBe(report.items.every((item) => item.status !== 'failed'));
  return report.items;
}

const statuses = (items: readonly BootstrapItem[]) => Object.fromEntries(items.map((item) => [item.id, item.status]));
const recordOf = async (name: string) =>
  JSON.parse(await readFile(path.join(environmentsDir(machine.env), name, 'bollyx-environment.json'), 'utf8')) as { createdAt: string; variant: string };

beforeAll(async () => {
  machine = await makeTestMachine();
  await writeLightSpec(machine, 'light', ['asr-faster-whisper']);
  model = path.join(machine.root, 'ggml-test.bin');
  await writeTestWhisperModel(model, { seed: 7 });
  // The model mirror of an air-gapped site: bootstrap fetches Silero VAD from it, never from the npm registry.
  const silero = await readFile(await seedSileroModel(path.join(machine.root, 'mirror')));
  mirror = await startLoopbackFileServer({ '/silero-vad-v5.onnx': { body: silero } });
  hub = await startLoopbackHub([
    {
      repo: 'Systran/faster-whisper-base',
      commit,
      files: {
        'config.json': Buffer.from('{}\n'),
        'model.bin': randomBytes(64 * 1024),
        'tokenizer.json': Buffer.from('{"model": {"type": "BPE"}}\n'),
        'vocabulary.txt': Buffer.from('a\nb\n'),
      },
      lfs: ['model.bin'],
    },
  ]);
});

afterAll(async () => {
  await hub?.close();
  await mirror?.close();
  await removeTestMachine(machine);
});

describe('bootstrap', () => {
  it('sets a fresh machine up, then finds everything up to date', async () => {
    const progress: BootstrapProgress[] = [];
    const first = await run({ onProgress: (event) => progress.push(event) });
    expect(first.filter((item) => item.status === 'failed')).toEqual([]);
    expect(statuses(first)).toEqual({
      hardware: 'done',
      config: 'skipped',
      'tool:ffmpeg': 'skipped',
      'tool:ffprobe': 'skipped',
      'tool:python': 'skipped',
      engine: 'skipped',
      workspace: 'done',
      'environment:light': 'done',
      [`model:${model}`]: 'skipped',
      'model:silero-vad': 'done',
    });
    expect(first.map((item) => item.step)).toEqual(['hardware', 'config', 'tools', 'tools', 'tools', 'engine', 'workspace', 'environments', 'models', 'models']);
    expect((await recordOf('light')).variant).toBe(machine.profile.nvidiaGpus.length > 0 ? 'cuda' : 'cpu');
    expect(progress.some((event) => event.step === 'environments' && event.event.phase === 'done')).toBe(true);
    expect(progress.some((event) => event.step === 'models' && event.event.model === 'silero-vad')).toBe(true);
    expect((await stat(machine.workspace)).isDirectory()).toBe(true);

    const created = (await recordOf('light')).createdAt;
    const second = await run();
    expect(second.filter((item) => item.status !== 'skipped')).toEqual([]);
    for (const item of second) expect(item.reason, item.id).toMatch(/^up to date: /);
    expect((await recordOf('light')).createdAt).toBe(created);
  });

  it('asks once before the big work and, declined, does none of it, naming the commands instead', async () => {
    const created = (await recordOf('light')).createdAt;
    const asked: string[][] = [];
    // Forced, everything is work to do; declined, none of it is done.
    const items = await run({ force: true, confirm: async (work) => (asked.push([...work]), false) });
    expect(asked).toEqual([
      [expect.stringMatching(/^build the whisper.cpp engine for (cpu|cuda|metal) \(several minutes\)$/), 'create the Python environment light (no torch)', expect.stringMatching(/^verify model silero-vad \(2\.\d MB\)$/)],
    ]);
    expect(items.filter((item) => item.reason.startsWith('declined')).map((item) => [item.id, item.status, item.fix])).toEqual([
      ['engine', 'skipped', 'bollyx engines build --force'],
      ['environment:light', 'skipped', 'bollyx env create light --force'],
      ['model:silero-vad', 'skipped', 'bollyx models pull silero-vad'],
    ]);
    expect((await recordOf('light')).createdAt).toBe(created);
  });

  it('pulls the Python backends’ Hugging Face models only with cacheModels, and none with skipCache', async () => {
    const stagesOf = () => ({ whisperCpp: true, python: [{ family: 'asr-faster-whisper' as const, models: ['faster-whisper-base'] }] });
    const skipped = await run({ stagesOf, skipCache: true });
    expect(skipped.filter((item) => item.id === 'model:faster-whisper-base').map((item) => [item.status, item.fix])).toEqual([['skipped', 'bollyx models pull faster-whisper-base']]);
    expect(statuses(await run({ stagesOf }))['model:faster-whisper-base']).toBe('skipped');

    const pulled = await run({ stagesOf, cacheModels: true });
    expect(statuses(pulled)['model:faster-whisper-base']).toBe('done');
    await stat(path.join(hubCacheDir(machine.env), 'models--Systran--faster-whisper-base', 'snapshots', commit, 'model.bin'));
    const again = (await run({ stagesOf, cacheModels: true })).find((item) => item.id === 'model:faster-whisper-base');
    expect(again).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^up to date: /) });
  });

  it('with force detects again, recreates the environments and pulls the models again', async () => {
    const created = (await recordOf('light')).createdAt;
    // No whisper.cpp: force would rebuild the engine, minutes of compiling.
    const forced = await run({ stagesOf: () => ({ whisperCpp: false, python: WITH_PYTHON.python }), force: true });
    expect(statuses(forced)).toMatchObject({ hardware: 'done', engine: 'skipped', 'environment:light': 'done', 'model:silero-vad': 'done' });
    expect(forced.find((item) => item.id === 'engine')?.reason).toBe('not needed: whisper.cpp does not run for this config');
    expect((await recordOf('light')).createdAt).not.toBe(created);
  });

  it('refuses cacheModels with skipCache', async () => {
    await expect(
      bootstrap({ config: { sources: {} }, stagesOf: () => WITH_PYTHON, workspace: '.', cacheModels: true, skipCache: true }),
    ).rejects.toMatchObject({ code: 'BOOTSTRAP_OPTIONS_INVALID' });
  });
});
