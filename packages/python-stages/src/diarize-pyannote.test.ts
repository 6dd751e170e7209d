import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { expect, it } from 'vitest';
import { PYANNOTE_PIPELINE_REPO, pyannoteHubCache, pyannoteSnapshotDir } from '../../../tools/pyannote-hub';
import { pythonStandInsDir } from '../../../tools/python-stand-ins';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { errorOf, runStageScript } from './run-stage-script';
import { diarizeResultSchema } from './script-results';
import { expectProgress, scriptCases, useTonesClip } from './script-cases';

// The stand-in pyannote.audio loads as 3.4.0 does: Pipeline.from_pretrained reads an existing file as the
// pipeline's config.yaml and takes anything else for a hub id, fetched (as the models the config names are)
// with huggingface_hub into PYANNOTE_CACHE.

const tempDir = useTempDirs();
const tonesClip = useTonesClip();
const diarize = scriptCases.find((script) => script.name === 'diarize_pyannote')!;
const request = () => diarize.request(tonesClip());
const withToken = { env: { ...diarize.env, HF_TOKEN: 'hf_secret_never_shown' } };
/** What `bollyx run` gives the script: the pulled snapshot folder, and the hub cache offline. */
const pulled = () => ({ ...request(), model: pyannoteSnapshotDir(PYANNOTE_PIPELINE_REPO) });
const offline = (pyannoteCache: Record<string, string>) => ({ HF_HUB_OFFLINE: '1', HF_HUB_CACHE: pyannoteHubCache, ...pyannoteCache });

it('names speakers in the order they first speak, with progress from the pyannote hook', async () => {
  const run = await runStageScript('diarize_pyannote', request(), { dir: await tempDir(), ...withToken });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  // The stand-in labels the 880 Hz voice SPEAKER_00 and the 440 Hz one, heard first, SPEAKER_01.
  expect(diarizeResultSchema.parse(run.result)).toEqual({
    turns: [
      { start: 0, end: 1, speaker: 'SPEAKER_00' },
      { start: 2, end: 3.5, speaker: 'SPEAKER_01' },
      { start: 4.5, end: 5.5, speaker: 'SPEAKER_00' },
    ],
  });
  // Four steps; segmentation and embeddings report each of their three batches.
  expectProgress(run.progress, [1 / 12, 2 / 12, 0.25, 0.5, 2 / 4 + 1 / 12, 0.75]);
  expect(run.strayFiles).toEqual([]);
  expect(JSON.stringify(run.events)).not.toContain('hf_secret_never_shown');
});

it('loads the pulled pipeline offline from its folder: its config.yaml, and the models it names from PYANNOTE_CACHE', async () => {
  const run = await runStageScript('diarize_pyannote', pulled(), { dir: await tempDir(), env: offline({ PYANNOTE_CACHE: pyannoteHubCache }) });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  expect(diarizeResultSchema.parse(run.result).turns.map((turn) => turn.speaker)).toEqual(['SPEAKER_00', 'SPEAKER_01', 'SPEAKER_00']);

  // Why the script passes config.yaml: pyannote.audio 3 takes the folder itself for a hub id, which it is not.
  const folder = await execa('python3', ['-c', 'import sys; from pyannote.audio import Pipeline; Pipeline.from_pretrained(sys.argv[1])', pulled().model], {
    reject: false,
    extendEnv: false,
    env: { PATH: process.env.PATH, PYTHONPATH: pythonStandInsDir, ...offline({ PYANNOTE_CACHE: pyannoteHubCache }) },
  });
  expect(folder.exitCode).toBe(1);
  expect(folder.stderr).toContain("huggingface_hub.errors.HFValidationError: Repo id must be in the form 'repo_name' or 'namespace/repo_name'");
});

it('says PYANNOTE_CACHE is not the hub cache (exit 3) when pyannote looks for the pulled models elsewhere', async () => {
  const home = await tempDir();
  const elsewhere = await tempDir();
  const settings: Record<string, string>[] = [{ PYANNOTE_CACHE: elsewhere }, { HOME: home }];
  for (const pyannoteCache of settings) {
    const run = await runStageScript('diarize_pyannote', pulled(), { dir: await tempDir(), env: offline(pyannoteCache) });

    expect(run.exitCode, JSON.stringify(pyannoteCache)).toBe(3);
    expect(errorOf(run)?.code).toBe('MODEL_MISSING');
    expect(errorOf(run)?.message).toContain('LocalEntryNotFoundError');
    // Unset, pyannote.audio 3 uses ~/.cache/torch/pyannote.
    const looked = pyannoteCache.PYANNOTE_CACHE ?? join(home, '.cache', 'torch', 'pyannote');
    expect(errorOf(run)?.message).toContain(`pyannote.audio looks for its models in PYANNOTE_CACHE (${looked}), not in the Hugging Face cache ${pyannoteHubCache}`);
    expect(errorOf(run)?.message).toContain(`set PYANNOTE_CACHE=${pyannoteHubCache}`);
  }
});

it('refuses a model folder without config.yaml (exit 3)', async () => {
  const folder = join(await tempDir(), 'snapshot');
  await mkdir(folder);
  const run = await runStageScript('diarize_pyannote', { ...request(), model: folder }, { dir: await tempDir(), env: offline({ PYANNOTE_CACHE: pyannoteHubCache }) });

  expect(run.exitCode).toBe(3);
  expect(errorOf(run)?.code).toBe('MODEL_MISSING');
  expect(errorOf(run)?.message).toContain(`the model folder ${folder} has no config.yaml, which pyannote.audio loads a pipeline from`);
  expect(errorOf(run)?.message).toContain('bollyx models pull');
});

it('passes maxSpeakers to the pipeline', async () => {
  const run = await runStageScript('diarize_pyannote', { ...request(), maxSpeakers: 1 }, { dir: await tempDir(), ...withToken });

  expect(diarizeResultSchema.parse(run.result).turns.map((turn) => turn.speaker)).toEqual(['SPEAKER_00', 'SPEAKER_00', 'SPEAKER_00']);
});

it('refuses minSpeakers above maxSpeakers (exit 2)', async () => {
  const run = await runStageScript('diarize_pyannote', { ...request(), minSpeakers: 3, maxSpeakers: 2 }, { dir: await tempDir(), ...withToken });

  expect(run.exitCode).toBe(2);
  expect(errorOf(run)?.message).toBe('`minSpeakers` (3) is more than `maxSpeakers` (2)');
});

it('says how to reach a gated model (exit 3) when the hub refuses it without a token and it is not cached', async () => {
  const empty = await tempDir();
  const run = await runStageScript('diarize_pyannote', request(), { dir: await tempDir(), env: { HF_HUB_CACHE: empty, PYANNOTE_CACHE: empty } });

  expect(run.exitCode).toBe(3);
  expect(errorOf(run)?.code).toBe('MODEL_MISSING');
  expect(errorOf(run)?.message).toContain('accept its conditions at https://huggingface.co/pyannote/speaker-diarization-3.1');
});
