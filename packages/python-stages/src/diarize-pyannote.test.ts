import { expect, it } from 'vitest';
import { useTempDirs } from '../../../tools/test-temp-dir';
import { errorOf, runStageScript } from './run-stage-script';
import { diarizeResultSchema } from './script-results';
import { expectProgress, scriptCases, useTonesClip } from './script-cases';

const tempDir = useTempDirs();
const tonesClip = useTonesClip();
const diarize = scriptCases.find((script) => script.name === 'diarize_pyannote')!;
const request = () => diarize.request(tonesClip());
const withToken = { env: { HF_TOKEN: 'hf_secret_never_shown' } };

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

it('passes maxSpeakers to the pipeline', async () => {
  const run = await runStageScript('diarize_pyannote', { ...request(), maxSpeakers: 1 }, { dir: await tempDir(), ...withToken });

  expect(diarizeResultSchema.parse(run.result).turns.map((turn) => turn.speaker)).toEqual(['SPEAKER_00', 'SPEAKER_00', 'SPEAKER_00']);
});

it('refuses minSpeakers above maxSpeakers (exit 2)', async () => {
  const run = await runStageScript('diarize_pyannote', { ...request(), minSpeakers: 3, maxSpeakers: 2 }, { dir: await tempDir(), ...withToken });

  expect(run.exitCode).toBe(2);
  expect(errorOf(run)?.message).toBe('`minSpeakers` (3) is more than `maxSpeakers` (2)');
});

it('says how to reach a gated model (exit 3) when the hub refuses it without a token', async () => {
  const run = await runStageScript('diarize_pyannote', request(), { dir: await tempDir() });

  expect(run.exitCode).toBe(3);
  expect(errorOf(run)?.code).toBe('MODEL_MISSING');
  expect(errorOf(run)?.message).toContain('accept its conditions at https://huggingface.co/pyannote/speaker-diarization-3.1');
});

it('speaks pyannote.audio 4 too: the token as `token`, the annotation inside a DiarizeOutput', async () => {
  const api4 = { BOLLYX_STANDIN_PYANNOTE: '4' };
  const run = await runStageScript('diarize_pyannote', request(), { dir: await tempDir(), env: { ...api4, ...withToken.env } });
  const refused = await runStageScript('diarize_pyannote', request(), { dir: await tempDir(), env: api4 });

  expect(run.exitCode, JSON.stringify(run.events)).toBe(0);
  expect(diarizeResultSchema.parse(run.result).turns.map((turn) => turn.speaker)).toEqual(['SPEAKER_00', 'SPEAKER_01', 'SPEAKER_00']);
  expect(refused.exitCode).toBe(3);
  expect(errorOf(refused)?.message).toContain('GatedRepoError');
});
