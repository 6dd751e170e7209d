import { copyFile, mkdir, readdir, readFile, truncate, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BollyxError } from '@bollyx/errors';
import { ensureWhisperEngine, listEngines, modelsDir, planWhisperEngine } from '@bollyx/environment-manager';
import { JobConfigSchema } from '@bollyx/job-config';
import type { JobConfigInput } from '@bollyx/job-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestWhisperModel } from '../../../tools/ggml-model';
import { seedSileroModel } from '../../../tools/silero-model';
import { makeMedia } from '../../../tools/test-media';
import { layOutPrebuiltPackage } from '../../environment-manager/src/engines/test-helpers/prebuilt-package';
import type { CheckResult } from './check-result';
import { engineHardwareOf } from './engine-hardware';
import { PreflightFailedError } from './errors';
import { installCommand } from './install-command';
import type { JobStages } from './job-stages';
import { hostPackageManager } from './package-manager';
import { runPreflight, type RunPreflightOptions } from './run-preflight';
import { makeTestMachine, pathWithout, removeTestMachine, type TestMachine } from './test-helpers/test-machine';

let machine: TestMachine;
let asrModel: string;

const WHISPER_CPP: JobStages = { whisperCpp: true, python: [] };

/** Preflight on the test machine, for a config given as the fields a user would write. */
const preflight = (config: JobConfigInput, overrides: Partial<RunPreflightOptions> = {}) =>
  runPreflight({
    config: { resolved: JobConfigSchema.parse(config) },
    stagesOf: () => WHISPER_CPP,
    workspace: machine.workspace,
    profile: machine.profile,
    env: machine.env,
    ...overrides,
  });

const byId = (checks: readonly CheckResult[]) => Object.fromEntries(checks.map((check) => [check.id, check]));
const cacheEntries = async () => (await readdir(path.join(machine.cacheDir, 'preflight'))).map((file) => path.join(machine.cacheDir, 'preflight', file));

beforeAll(async () => {
  machine = await makeTestMachine();
  // A model given by path is inspected: the test model has a real ggml header and tensor table.
  asrModel = (await writeTestWhisperModel(path.join(machine.root, 'ggml-test-tiny.bin'), { seed: 7 })).path;
});

afterAll(() => removeTestMachine(machine));

describe('runPreflight', () => {
  it('checks a fresh machine, names the fix of what is missing, then answers unchanged checks from the cache', async () => {
    const first = await preflight({ asr: { model: asrModel } });
    const checks = byId(first.checks);
    expect(first.ok).toBe(false);
    expect(Object.keys(checks)).toEqual(['config', 'tool:ffmpeg', 'tool:ffprobe', 'engine', 'workspace', `model:${asrModel}`, 'model:silero-vad', 'disk']);
    expect(first.checks.every((check) => !check.cached)).toBe(true);
    expect(checks['tool:ffmpeg']).toMatchObject({ ok: true, what: expect.stringMatching(/^ffmpeg \d+\.\d+/) });
    expect(checks.engine).toMatchObject({ ok: true, what: expect.stringContaining('whisper.cpp') });
    expect(checks['model:silero-vad']).toMatchObject({ ok: false, fix: 'bollyx models pull silero-vad' });

    await seedSileroModel(modelsDir({ env: machine.env }));
    const second = await preflight({ asr: { model: asrModel } });
    expect(second.ok).toBe(true);
    const cached = second.checks.filter((check) => check.cached).map((check) => check.id);
    // Free disk, the workspace and the config are cheap and read every time; the failed model check was not cached.
    expect(cached).toEqual(['tool:ffmpeg', 'tool:ffprobe', 'engine', `model:${asrModel}`]);

    const third = await preflight({ asr: { model: asrModel } });
    expect(third.checks.filter((check) => check.cached).map((check) => check.id)).toEqual([...cached, 'model:silero-vad']);
  });

  it('checks again what changed, what is older than a day, and everything with refresh', async () => {
    await preflight({ asr: { model: asrModel } });
    const later = new Date(Date.now() + 5_000);
    await utimes(asrModel, later, later);
    const touched = byId((await preflight({ asr: { model: asrModel } })).checks);
    expect(touched[`model:${asrModel}`]!.cached).toBe(false);
    expect(touched['tool:ffmpeg']!.cached).toBe(true);

    for (const file of await cacheEntries()) {
      const entry = JSON.parse(await readFile(file, 'utf8')) as { checkedAt: string };
      await writeFile(file, JSON.stringify({ ...entry, checkedAt: new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString() }));
    }
    const stale = await preflight({ asr: { model: asrModel } });
    expect(stale.checks.some((check) => check.cached)).toBe(false);
    expect((await preflight({ asr: { model: asrModel } })).checks.some((check) => check.cached)).toBe(true);

    const refreshed = await preflight({ asr: { model: asrModel } }, { refresh: true });
    expect(refreshed.ok).toBe(true);
    expect(refreshed.checks.some((check) => check.cached)).toBe(false);
  });

  it('without ffmpeg on PATH fails with the line that installs it, and never caches the failure', async () => {
    const env = { ...machine.env, PATH: await pathWithout(machine.root, ['ffmpeg', 'ffprobe']) };
    const fix = installCommand('ffmpeg', await hostPackageManager());
    for (let run = 0; run < 2; run += 1) {
      const checks = byId((await preflight({ asr: { model: asrModel } }, { env })).checks);
      expect(checks['tool:ffmpeg']).toMatchObject({ ok: false, what: 'ffmpeg is not on PATH', fix, cached: false });
      expect(checks['tool:ffprobe']).toMatchObject({ ok: false, what: 'ffprobe is not on PATH', fix, cached: false });
    }
    expect(fix).toMatch(/ffmpeg/);
  });

  it('while the engine for this hardware is not built, checks the build tools and names `bollyx engines build`', async () => {
    const engines = path.join(machine.root, 'other-engines');
    const env = { ...machine.env, BOLLYX_ENGINES_DIR: engines };
    const missing = byId((await preflight({ asr: { model: asrModel } }, { env })).checks);
    for (const tool of ['tool:cmake', 'tool:make', 'tool:c++']) expect(missing[tool]).toMatchObject({ ok: true });
    expect(missing.engine).toMatchObject({ ok: false, what: expect.stringContaining('the whisper.cpp engine is not built'), fix: 'bollyx engines build' });

    // What a machine of other hardware leaves in a shared cache: a record of another backend's build.
    const [installed] = await listEngines({ env: machine.env });
    const wanted = (await planWhisperEngine({ hardware: engineHardwareOf(machine.profile), env })).backend;
    const other = wanted === 'cpu' ? 'cuda' : 'cpu';
    const buildKey = `${process.platform}-${process.arch}-${other}-000000000000`;
    await mkdir(path.join(engines, buildKey), { recursive: true });
    await writeFile(path.join(engines, buildKey, 'engine.json'), JSON.stringify({ ...installed, backend: other, buildKey }));
    const foreign = byId((await preflight({ asr: { model: asrModel } }, { env })).checks);
    expect(foreign.engine).toMatchObject({ ok: false, what: expect.stringContaining(`whisper.cpp is built for ${other}, but this machine wants ${wanted}`) });
  });

  it('with the prebuilt engine package on a CPU machine, passes the engine with no build tools and none built', async () => {
    const { from } = await layOutPrebuiltPackage(path.join(machine.root, 'prebuilt'), await ensureWhisperEngine());
    const PATH = await pathWithout(machine.root, ['cmake', 'make', 'c++', 'g++', 'clang++']);
    const env = { ...machine.env, PATH, BOLLYX_ENGINES_DIR: path.join(machine.root, 'none-built'), BOLLYX_PREBUILT_FROM: from };
    const cpu = { ...machine.profile, nvidiaGpus: [], appleSilicon: null };

    const checks = byId((await preflight({ asr: { model: asrModel } }, { env, profile: cpu })).checks);

    expect(Object.keys(checks).filter((id) => id.startsWith('tool:'))).toEqual(['tool:ffmpeg', 'tool:ffprobe']);
    expect(checks.engine).toMatchObject({ ok: true, what: expect.stringContaining(path.join(from, 'node_modules')) });
  });

  it('with provisions, lets a missing engine and registry models pass: the caller builds and pulls them', async () => {
    const env = { ...machine.env, BOLLYX_ENGINES_DIR: path.join(machine.root, 'no-engines'), BOLLYX_MODELS_DIR: path.join(machine.root, 'no-models') };
    const report = await preflight({}, { env, provisions: true });
    const checks = byId(report.checks);
    expect(checks.engine).toMatchObject({ ok: true, what: expect.stringContaining('it is built before the first stage') });
    expect(checks['model:base']).toMatchObject({ ok: true, what: 'model base is not in the cache yet: it is pulled before the first stage', cached: false });
    // 142 MB of Whisper base and 2 MB of Silero VAD still to come count against the disk.
    expect(checks.disk?.what).toMatch(/models to fetch 14\d\.\d MB/);
    expect(report.ok).toBe(true);
  });

  it('names `bollyx env create` for a Python backend whose environment is missing, and the pull of its models', async () => {
    const report = await preflight({}, { stagesOf: () => ({ whisperCpp: false, python: [{ family: 'asr-faster-whisper', models: ['faster-whisper-base'] }] }) });
    const checks = byId(report.checks);
    expect(report.ok).toBe(false);
    expect(checks.engine).toBeUndefined();
    expect(checks['environment:whisperx']).toMatchObject({ ok: false, what: expect.stringContaining('missing'), fix: 'bollyx env create whisperx' });
    expect(checks['model:faster-whisper-base']).toMatchObject({ ok: false, fix: 'bollyx models pull faster-whisper-base' });
    expect(checks['tool:python']).toMatchObject({ ok: true, what: expect.stringMatching(/^Python 3\.\d+/) });
  });

  it.skipIf(process.platform === 'darwin' && process.arch === 'arm64')('fails a stage family that no environment serves on this platform', async () => {
    const report = await preflight({}, { stagesOf: () => ({ whisperCpp: false, python: [{ family: 'asr-mlx', models: [] }] }) });
    expect(byId(report.checks)['environment:asr-mlx']).toMatchObject({ ok: false, what: expect.stringContaining('runs on darwin-arm64 only') });
  });

  it('says whether the Hugging Face token of a gated model is present, never what it is', async () => {
    const diarize = () => ({ whisperCpp: false, python: [{ family: 'diarize-pyannote' as const, models: ['pyannote-speaker-diarization-3.1'] }] });
    const missing = byId((await preflight({}, { stagesOf: diarize })).checks)['secret:hf-token'];
    expect(missing).toMatchObject({ ok: false, what: 'Hugging Face token: missing', fix: expect.stringContaining('https://huggingface.co/pyannote/speaker-diarization-3.1') });

    const token = 'hf_preflightTestTokenThatMustNotLeak';
    const report = await preflight({}, { stagesOf: diarize, env: { ...machine.env, BOLLYX_HF_TOKEN: token } });
    expect(byId(report.checks)['secret:hf-token']).toMatchObject({ ok: true, what: 'Hugging Face token: present' });
    expect(JSON.stringify(report)).not.toContain(token);
    for (const file of await cacheEntries()) expect(await readFile(file, 'utf8')).not.toContain(token);
  });

  it('checks media not yet in a job and weighs free disk against the job', async () => {
    const film = await makeMedia(path.join(machine.root, 'film.mp4'), { duration: 3, audioLanguage: 'hin' });
    const checks = byId((await preflight({ asr: { model: asrModel } }, { mediaPath: film })).checks);
    expect(checks.media).toMatchObject({ ok: true, what: `${film}: 3 s, audio hin` });
    // 3 s of 16 kHz mono 16-bit audio, twice (the demuxed and the speech-only WAV): 192 000 bytes.
    expect(checks.disk).toMatchObject({ ok: true, what: expect.stringMatching(/the job needs about [\d.]+ [KM]B \(audio [\d.]+ KB, muxed videos [\d.]+ KB/) });

    const full = await preflight({ asr: { model: asrModel } }, { mediaPath: film, profile: { ...machine.profile, disk: { path: machine.workspace, freeBytes: 1000 } } });
    expect(byId(full.checks).disk).toMatchObject({ ok: false, fix: expect.stringContaining(`at ${machine.workspace}`) });

    const notMedia = path.join(machine.root, 'notes.mp4');
    await writeFile(notMedia, 'not a film');
    expect(byId((await preflight({ asr: { model: asrModel } }, { mediaPath: notMedia })).checks).media).toMatchObject({ ok: false });
  });

  it('inspects a model given by path: a text file or a cut model fails with the model file code and its fix', async () => {
    await seedSileroModel(modelsDir({ env: machine.env }));
    const text = path.join(machine.root, 'passwd');
    await writeFile(text, 'root:x:0:0:root:/root:/bin/bash\n');
    const failed = (await preflight({ asr: { model: text } })).checks.filter((check) => !check.ok);
    expect(failed).toEqual([
      expect.objectContaining({
        id: `model:${text}`,
        code: 'MODEL_FILE_INVALID',
        what: expect.stringContaining('not a ggml file: magic 0x746f6f72 (the file starts "root"), expected 0x67676d6c'),
        fix: expect.stringContaining('`bollyx models pull base`'),
      }),
    ]);
    expect(new PreflightFailedError(failed)).toMatchObject({ code: 'MODEL_FILE_INVALID', message: `preflight found 1 problem: ${failed[0]!.what}`, hint: failed[0]!.fix });

    const cut = path.join(machine.root, 'ggml-cut.bin');
    await copyFile(asrModel, cut);
    await truncate(cut, 50_000_000);
    expect(byId((await preflight({ asr: { model: cut } })).checks)[`model:${cut}`]).toMatchObject({
      ok: false,
      code: 'MODEL_FILE_INVALID',
      what: expect.stringContaining('truncated: the file is 50000000 bytes, its tensor table needs at least'),
    });

    // Beside a failure of another kind, the error is preflight's own.
    const env = { ...machine.env, PATH: await pathWithout(machine.root, ['ffmpeg', 'ffprobe']) };
    const mixed = (await preflight({ asr: { model: text } }, { env })).checks.filter((check) => !check.ok);
    expect(mixed.map((check) => check.id)).toEqual(['tool:ffmpeg', 'tool:ffprobe', `model:${text}`]);
    expect(new PreflightFailedError(mixed).code).toBe('PREFLIGHT_FAILED');
  });

  it('fails the config check for an invalid config, or one the pipeline cannot run, and checks only what needs no config', async () => {
    const invalid = await runPreflight({
      config: { sources: { flags: { 'asr.beamSize': '0' } } },
      stagesOf: () => WHISPER_CPP,
      workspace: machine.workspace,
      profile: machine.profile,
      env: machine.env,
    });
    expect(invalid.checks.map((check) => check.id)).toEqual(['config', 'tool:ffmpeg', 'tool:ffprobe', 'workspace', 'disk']);
    expect(byId(invalid.checks).config).toMatchObject({ ok: false, what: expect.stringContaining('asr.beamSize') });

    const unrunnable = await preflight({}, {
      stagesOf: () => {
        throw new BollyxError('TRANSLATE_LANGUAGE_UNSUPPORTED', 'indictrans2 cannot translate into fr', { hint: 'use --translator nllb' });
      },
    });
    expect(byId(unrunnable.checks).config).toMatchObject({ ok: false, what: 'indictrans2 cannot translate into fr', fix: 'use --translator nllb' });
  });
});
