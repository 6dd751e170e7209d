import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestWhisperModel } from '../../../../tools/ggml-model';
import { makeSpeechClip } from '../../../../tools/test-media';
import type { EngineRecord } from './engine-record';
import { testEngine } from './test-helpers/test-engine';
import { whisperCliArgs, type WhisperCliOptions } from './whisper-cli-args';
import { whisperTokenCounter, promptMaxContext } from './whisper-prompt-tokens';

const PROMPT = 'Names: Amar, Meghna, Preeti, अमर, मेघना, शाहरुख़ ख़ान.';

let engine: EngineRecord;
let dir: string;
let base: WhisperCliOptions;
let runs = 0;

/** One greedy whisper-cli run (what tests decode the random-weight model with): its segments and stderr. */
async function decode(extra: Partial<WhisperCliOptions>, rawArgs: string[] = []): Promise<{ transcription: string; stderr: string }> {
  const outputPrefix = path.join(dir, `run-${runs++}`);
  const args = [...whisperCliArgs({ ...base, outputPrefix, ...extra }), ...rawArgs];
  const { stderr } = await execa(engine.binary, args);
  const json = JSON.parse(await readFile(`${outputPrefix}.json`, 'utf8')) as { transcription: unknown[] };
  // The segments with their tokens and probabilities: a prompt changes them even where the same words win.
  return { transcription: JSON.stringify(json.transcription), stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-whisper-prompt-'));
  const [record, model, speech] = await Promise.all([
    testEngine(),
    writeTestWhisperModel(path.join(dir, 'ggml-test-tiny.bin'), { seed: 7 }),
    makeSpeechClip(path.join(dir, 'speech.wav'), { parts: [{ say: 'Namaste. Amar met Meghna at the station, and Preeti waited for them.', voice: 'en' }] }),
  ]);
  engine = record;
  base = { model: model.path, input: speech.path, outputPrefix: '', threads: 2, language: 'en', beamSize: 1, bestOf: 1, noFallback: true, maxContext: 0 };
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the ASR prompt in whisper-cli', () => {
  it('counts the prompt’s tokens as whisper.cpp does, so max-context holds the prompt and nothing more', async () => {
    const tokens = whisperTokenCounter(base.model)(PROMPT);
    // One token short: whisper.cpp cuts the prompt and says how many tokens it made of it: our count.
    const short = await decode({ prompt: PROMPT, carryInitialPrompt: true, maxContext: tokens });
    expect(short.stderr).toContain(`initial prompt is too long (${tokens} tokens), will use only the last ${tokens - 1} tokens`);
    // Sized by promptMaxContext: the whole prompt, and (by whisper_full_with_state's arithmetic) no room for decoded text.
    const sized = await decode({ prompt: PROMPT, carryInitialPrompt: true, maxContext: promptMaxContext(tokens) });
    expect(sized.stderr).not.toContain('initial prompt is too long');
  });

  it('reaches the decoder with carry-initial-prompt, and is dropped silently at max-context 0', async () => {
    const tokens = whisperTokenCounter(base.model)(PROMPT);
    const plain = await decode({});
    // What bollyx did before: max-context 0 drops the prompt without a word (whisperCliArgs refuses it, so raw args).
    const dropped = await decode({}, ['--prompt', PROMPT, '--carry-initial-prompt']);
    const prompted = await decode({ prompt: PROMPT, carryInitialPrompt: true, maxContext: promptMaxContext(tokens) });
    expect(dropped.transcription).toBe(plain.transcription);
    expect(prompted.transcription).not.toBe(plain.transcription);
  });
});
