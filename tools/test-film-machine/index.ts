import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { enginesDir } from '@bollyx/environment-manager';
import type { MovieSettings } from '@bollyx/pipeline';
import { writeTestWhisperModel } from '../ggml-model';
import { seedSileroModel } from '../silero-model';
import { makeMovie, makeSpeechClip } from '../test-media';
import { startPrivateRedis, type PrivateRedis } from '../test-redis';

export interface FilmMachine {
  /** The BOLLYX_* settings of a worker here: its own workspace, caches and models, the engine built once for all tests. */
  env: Record<string, string>;
  /** The run settings of the films: the test model, English subtitles only, no VAD and no muxing, so a film takes seconds. */
  settings: MovieSettings;
  /** A short film that says `sentences` English sentences. */
  film(name: string, sentences: number): Promise<string>;
}

/** Everything a worker needs to run films on this machine, under `root`, without the network. */
export async function prepareFilmMachine(root: string): Promise<FilmMachine> {
  await mkdir(root, { recursive: true });
  const model = (await writeTestWhisperModel(path.join(root, 'ggml-test-tiny.bin'), { seed: 7 })).path;
  await seedSileroModel(path.join(root, 'models'));
  return {
    env: {
      BOLLYX_WORKSPACE: path.join(root, 'work'),
      BOLLYX_CACHE_DIR: path.join(root, 'cache'),
      BOLLYX_ENGINES_DIR: enginesDir(),
      BOLLYX_MODELS_DIR: path.join(root, 'models'),
      BOLLYX_ASR_BEAM_SIZE: '1',
    },
    settings: { sourceLanguage: 'en', workflow: 'transcribe', model, vad: false, mux: false },
    film: async (name, sentences) => {
      const spoken = Array.from({ length: sentences }, () => ({ say: 'Hello, my friend. The train leaves at seven.', voice: 'en' as const }));
      const clip = await makeSpeechClip(path.join(root, `${name}.wav`), { parts: [{ silence: 0.5 }, ...spoken, { silence: 0.5 }] });
      return makeMovie(path.join(root, `${name}.mp4`), { duration: clip.duration, audio: [{ wav: clip.path, language: 'eng' }] });
    },
  };
}

export interface FilmQueueSetup {
  /** The suite's temp folder. */
  root: string;
  redis: PrivateRedis;
  machine: FilmMachine;
}

/**
 * For a suite of queue tests: a temp folder, a private redis-server and a film machine whose settings are in
 * the process's environment (subtitleMovie reads them there, as a worker process would); all gone after it.
 */
export function useFilmQueue(prefix: string): FilmQueueSetup {
  const setup = {} as FilmQueueSetup;
  beforeAll(async () => {
    setup.root = await mkdtemp(path.join(os.tmpdir(), prefix));
    setup.redis = await startPrivateRedis(setup.root);
    setup.machine = await prepareFilmMachine(path.join(setup.root, 'machine'));
    for (const [name, value] of Object.entries(setup.machine.env)) vi.stubEnv(name, value);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await setup.redis?.stop();
    await rm(setup.root, { recursive: true, force: true });
  });
  return setup;
}
