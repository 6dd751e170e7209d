import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestWhisperModel } from '../../../../tools/ggml-model';
import { makeSpeechClip } from '../../../../tools/test-media';
import type { EngineRecord } from './engine-record';
import { EngineRecordSchema } from './engine-record';
import { enginesDir } from './engines-dir';
import { findWhisperEngine } from './find-whisper-engine';
import { listEngines } from './list-engines';
import { parseWhisperProgress } from './parse-whisper-progress';
import { testEngine } from './test-helpers/test-engine';
import { whisperCliArgs } from './whisper-cli-args';
import { readWhisperOutput } from './whisper-output';
import type { WhisperOutput } from './whisper-output';

let engine: EngineRecord;
let dir: string;
let outputPrefix: string;
let progress: number[];
let output: WhisperOutput;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-whisper-'));
  const [record, model, speech] = await Promise.all([
    testEngine(),
    writeTestWhisperModel(path.join(dir, 'ggml-test-tiny.bin'), { seed: 7 }),
    makeSpeechClip(path.join(dir, 'speech.wav'), { parts: [{ say: 'Namaste. This is a short test of the subtitle engine.', voice: 'en' }] }),
  ]);
  engine = record;
  outputPrefix = path.join(dir, 'asr');
  // Greedy, no temperature fallback: what tests use to keep random-weight decoding short.
  const args = whisperCliArgs({ model: model.path, input: speech.path, outputPrefix, threads: 2, language: 'en', beamSize: 1, bestOf: 1, noFallback: true });
  const run = await execa(engine.binary, args, { lines: true });
  progress = run.stderr.map(parseWhisperProgress).filter((percent) => percent !== null);
  output = await readWhisperOutput(`${outputPrefix}.json`);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the whisper.cpp engine', () => {
  it('is installed in the engines folder with its record, and found and listed', async () => {
    expect(engine.binary).toBe(path.join(enginesDir(), engine.buildKey, 'bin', 'whisper-cli'));
    expect(engine).toMatchObject({ name: 'whisper.cpp', version: '1.9.1', backend: 'cpu', source: 'nodejs-whisper@0.3.1' });
    const onDisk = EngineRecordSchema.parse(JSON.parse(await readFile(path.join(enginesDir(), engine.buildKey, 'engine.json'), 'utf8')));
    expect(onDisk).toEqual(engine);
    expect((await stat(engine.binary)).mode & 0o111).not.toBe(0);

    expect(await findWhisperEngine()).toEqual(engine);
    expect(await listEngines()).toContainEqual(engine);
  });

  it('transcribes speech with the test model and reports progress up to 100%', () => {
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(100);
    expect(output.model).toEqual({
      type: 'tiny',
      multilingual: true,
      vocab: 51865,
      audio: { ctx: 1500, state: 384, head: 6, layer: 4 },
      text: { ctx: 448, state: 384, head: 6, layer: 4 },
      mels: 80,
      ftype: 1,
    });
    expect(output.params).toMatchObject({ language: 'en', translate: false });
    expect(output.result.language).toBe('en');
  });

  it('writes segments whose tokens carry their own timestamps', () => {
    expect(output.transcription.length).toBeGreaterThan(0);
    for (const segment of output.transcription) {
      expect(segment.offsets.from).toBeLessThanOrEqual(segment.offsets.to);
      expect(segment.tokens?.length).toBeGreaterThan(0);
      const timed = segment.tokens?.filter((token) => token.offsets !== undefined) ?? [];
      expect(timed.length).toBeGreaterThan(0);
      for (const token of timed) expect(token.offsets!.from).toBeLessThanOrEqual(token.offsets!.to);
    }
    // The text is the spoken tokens joined: whatever noise the random weights chose, it is consistent.
    const [first] = output.transcription;
    const spoken = first!.tokens!.filter((token) => !/^\[_/.test(token.text)).map((token) => token.text).join('');
    expect(first!.text).toBe(spoken);
  });

  it('reads output whose token text holds a raw control character', async () => {
    const json = await readFile(`${outputPrefix}.json`, 'utf8');
    const withNewline = path.join(dir, 'newline.json');
    const firstText = JSON.stringify(output.transcription[0]!.text);
    await writeFile(withNewline, json.replace(`"text": ${firstText}`, `"text": "line one\nline two"`));

    expect((await readWhisperOutput(withNewline)).transcription[0]!.text).toBe('line one\nline two');
  });

  it('rejects a cut-off output file with ENGINE_OUTPUT_INVALID', async () => {
    const json = await readFile(`${outputPrefix}.json`, 'utf8');
    const cutOff = path.join(dir, 'cut-off.json');
    await writeFile(cutOff, json.slice(0, json.length / 2));

    await expect(readWhisperOutput(cutOff)).rejects.toMatchObject({ code: 'ENGINE_OUTPUT_INVALID' });
  });
});
