import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { z } from 'zod';
import { pyannoteHubCache } from '../../../tools/pyannote-hub';
import { makeSpeechClip, type SpeechClipPart } from '../../../tools/test-media';
import type { PythonStageScriptName } from './python-scripts';
import { asrResultSchema, diarizeResultSchema, nerResultSchema, translateResultSchema } from './script-results';

// Test fixtures shared by the stage scripts' tests.

/** Two voices as tones: 440 Hz, 880 Hz, then 440 Hz again, apart by silence. */
const TONES: SpeechClipPart[] = [
  { tone: 1, frequency: 440 },
  { silence: 1 },
  { tone: 1.5, frequency: 880 },
  { silence: 1 },
  { tone: 1, frequency: 440 },
  { silence: 0.5 },
];
/** The tones clip's length, in seconds. */
export const TONES_DURATION = 6;

/** A real 16 kHz mono WAV of the tones, made with ffmpeg once per test file; returns its path's getter. */
export function useTonesClip(): () => string {
  let dir: string | undefined;
  let path = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bollyx-python-scripts-'));
    path = (await makeSpeechClip(join(dir, 'tones.wav'), { parts: TONES })).path;
  });
  afterAll(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  return () => path;
}

/** Progress from 0 to 1 that never goes back, through `between` (rounded as the scripts round them). */
export function expectProgress(progress: readonly number[], between: readonly number[]): void {
  expect(progress[0]).toBe(0);
  expect(progress.at(-1)).toBe(1);
  for (const [index, fraction] of progress.entries()) expect(fraction).toBeGreaterThanOrEqual(progress[index - 1] ?? 0);
  expect(progress.slice(1, -1)).toEqual(expect.arrayContaining(between.map((fraction) => Math.round(fraction * 10_000) / 10_000)));
}

export interface ScriptCase {
  name: PythonStageScriptName;
  /** The environment the BACKEND_MISSING fix names. */
  environment: string;
  schema: z.ZodType;
  /** The device the request asks for; the stand-ins run out of memory on it with BOLLYX_STANDIN_FAIL=cuda-oom. */
  gpu: 'cuda' | 'metal';
  /** The library's own words for that (the stand-in's, copied from the real library). */
  outOfMemory: string;
  /** A valid request for the tones clip. */
  request(audio: string): Record<string, unknown>;
  env?: Record<string, string>;
  /** A field this script refuses, and what it says. */
  badField: { key: string; value: unknown; message: RegExp };
}

const CTRANSLATE2_OUT_OF_MEMORY = 'CUDA failed with error out of memory';
const TORCH_OUT_OF_MEMORY = 'CUDA out of memory. Tried to allocate 2.00 GiB';
const speech = (audio: string) => ({ audio, language: 'hi', task: 'transcribe', beamSize: 5 });
const translation = (model: string) => ({
  device: 'cuda',
  computeType: 'float16',
  model,
  threads: 2,
  source: 'hi',
  target: 'en',
  texts: ['एक दो तीन', '', 'चार पाँच'],
  batchSize: 2,
});

export const scriptCases: ScriptCase[] = [
  {
    name: 'asr_faster_whisper',
    environment: 'whisperx',
    schema: asrResultSchema,
    gpu: 'cuda',
    outOfMemory: CTRANSLATE2_OUT_OF_MEMORY,
    request: (audio) => ({ device: 'cuda', computeType: 'float16', model: 'Systran/faster-whisper-base', threads: 2, ...speech(audio) }),
    badField: { key: 'task', value: 'summarise', message: /`task` must be one of transcribe, translate, not "summarise"/ },
  },
  {
    name: 'asr_whisperx',
    environment: 'whisperx',
    schema: asrResultSchema,
    gpu: 'cuda',
    outOfMemory: CTRANSLATE2_OUT_OF_MEMORY,
    request: (audio) => ({ device: 'cuda', computeType: 'float16', model: 'Systran/faster-whisper-base', threads: 2, batchSize: 4, ...speech(audio) }),
    badField: { key: 'batchSize', value: 0, message: /`batchSize` must be an integer of at least 1, not 0/ },
  },
  {
    name: 'asr_mlx',
    environment: 'mlx',
    schema: asrResultSchema,
    gpu: 'metal',
    outOfMemory: '[metal::malloc] Attempting to allocate',
    request: (audio) => ({ device: 'metal', computeType: 'float16', model: 'mlx-community/whisper-base-mlx', ...speech(audio) }),
    badField: { key: 'device', value: 'cuda', message: /this backend runs on metal or cpu, not cuda/ },
  },
  {
    name: 'align_whisperx',
    environment: 'whisperx',
    schema: asrResultSchema,
    gpu: 'cuda',
    outOfMemory: 'CUDA out of memory. Tried to allocate 1.50 GiB',
    request: (audio) => ({
      device: 'cuda',
      model: 'theainerd/Wav2Vec2-large-xlsr-hindi',
      threads: 2,
      audio,
      language: 'hi',
      segments: [{ start: 0, end: 1, text: 'sound one' }],
    }),
    badField: { key: 'segments', value: [{ start: 2, end: 1, text: 'x' }], message: /`segments\[0\]` must be \{start, end, text\} with 0 <= start <= end/ },
  },
  {
    name: 'diarize_pyannote',
    environment: 'pyannote',
    schema: diarizeResultSchema,
    gpu: 'cuda',
    outOfMemory: TORCH_OUT_OF_MEMORY,
    request: (audio) => ({ device: 'cuda', model: 'pyannote/speaker-diarization-3.1', threads: 2, audio }),
    // pyannote.audio 3 loads the pipeline and the models its config.yaml names from PYANNOTE_CACHE.
    env: { HF_TOKEN: 'hf_test_token', HF_HUB_CACHE: pyannoteHubCache, PYANNOTE_CACHE: pyannoteHubCache },
    badField: { key: 'maxSpeakers', value: 0, message: /`maxSpeakers` must be an integer of at least 1, not 0/ },
  },
  {
    name: 'translate_indictrans2',
    environment: 'indictrans2',
    schema: translateResultSchema,
    gpu: 'cuda',
    outOfMemory: TORCH_OUT_OF_MEMORY,
    request: () => translation('ai4bharat/indictrans2-indic-en-1B'),
    badField: { key: 'target', value: 'fr', message: /IndicTrans2 does not translate the language 'fr'/ },
  },
  {
    name: 'translate_nllb',
    environment: 'indictrans2',
    schema: translateResultSchema,
    gpu: 'cuda',
    outOfMemory: TORCH_OUT_OF_MEMORY,
    request: () => translation('facebook/nllb-200-distilled-600M'),
    badField: { key: 'source', value: 'xx', message: /NLLB-200 does not translate the language 'xx'/ },
  },
  {
    name: 'ner_transformers',
    environment: 'indictrans2',
    schema: nerResultSchema,
    gpu: 'cuda',
    outOfMemory: TORCH_OUT_OF_MEMORY,
    request: () => ({
      device: 'cuda',
      model: 'dslim/bert-base-NER',
      threads: 2,
      texts: ['Amar met Meghna in Delhi.', '', 'They sang.'],
      batchSize: 2,
    }),
    badField: { key: 'texts', value: 'Amar', message: /`texts` must be a list of strings/ },
  },
];

/** Lays out `repo` in a Hugging Face hub cache the way huggingface_hub does: refs/main names a snapshot. */
export async function cacheHubModel(hubCache: string, repo: string): Promise<void> {
  const repoDir = join(hubCache, `models--${repo.replace('/', '--')}`);
  const commit = 'a'.repeat(40);
  await mkdir(join(repoDir, 'snapshots', commit), { recursive: true });
  await mkdir(join(repoDir, 'refs'), { recursive: true });
  await writeFile(join(repoDir, 'refs', 'main'), commit);
}
