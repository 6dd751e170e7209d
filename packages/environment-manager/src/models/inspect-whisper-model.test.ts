import { appendFile, copyFile, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestWhisperModel, type TestWhisperModel } from '../../../../tools/ggml-model';
import { useTempDirs } from '../../../../tools/test-temp-dir';
import { inspectWhisperModel } from './inspect-whisper-model';

const tempDir = useTempDirs();
let modelDir: string;
let model: TestWhisperModel;

// magic and 11 hparams, then the mel filter bank's two sizes and its 80 × 201 floats.
const MEL_FILTERS_END = 4 * 12 + 8 + 4 * 80 * 201;

beforeAll(async () => {
  modelDir = await mkdtemp(path.join(tmpdir(), 'bollyx-test-'));
  model = await writeTestWhisperModel(path.join(modelDir, 'ggml-test-tiny.bin'), { seed: 3 });
});

afterAll(() => rm(modelDir, { recursive: true, force: true }));

/** A copy of the test model changed by `spoil`, in a fresh temp folder. */
async function spoiledModel(spoil: (file: string) => Promise<void>): Promise<string> {
  const file = path.join(await tempDir(), 'ggml-spoiled.bin');
  await copyFile(model.path, file);
  await spoil(file);
  return file;
}

/** What inspecting `file` throws, as the fields integrators read. */
async function failure(file: string) {
  const error = await inspectWhisperModel(file).then(
    () => expect.unreachable(`${file} passed inspection`),
    (caught: unknown) => caught as { code: string; message: string; hint: string },
  );
  expect(error.code).toBe('MODEL_FILE_INVALID');
  expect(error.hint).toContain("`bollyx models pull base` (from code: `pullModel('base')`)");
  return error.message.replace(`model file ${file} is not a usable whisper.cpp model: `, '');
}

describe('inspectWhisperModel', () => {
  it('reads the synthetic tiny model: its hparams, ftype and every tensor, ending exactly at the file end', async () => {
    await expect(inspectWhisperModel(model.path)).resolves.toEqual({
      path: model.path,
      nVocab: 51865,
      nAudioLayer: 4,
      nTextLayer: 4,
      nMels: 80,
      ftype: 1,
      weightType: 'f16',
      tensors: model.tensors,
      bytes: model.bytes,
    });
  });

  it('refuses a text file by its magic', async () => {
    const file = path.join(await tempDir(), 'passwd');
    await writeFile(file, 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n');
    expect(await failure(file)).toBe('not a ggml file: magic 0x746f6f72 (the file starts "root"), expected 0x67676d6c');
  });

  it('says a GGUF file is one whisper.cpp does not read', async () => {
    const file = path.join(await tempDir(), 'whisper.gguf');
    await writeFile(file, Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(60)]));
    expect(await failure(file)).toMatch(/^not a ggml file: magic 0x46554747 .*; it is a GGUF file, which whisper.cpp does not read$/);
  });

  it('refuses an empty file and one that is missing', async () => {
    const dir = await tempDir();
    const empty = path.join(dir, 'empty.bin');
    await writeFile(empty, '');
    expect(await failure(empty)).toBe('the file is empty');
    expect(await failure(path.join(dir, 'absent.bin'))).toBe('there is no such file');
  });

  it('names the part of the header a cut file lacks', async () => {
    const inFilters = await spoiledModel((file) => truncate(file, 1000));
    expect(await failure(inFilters)).toBe(`header cut short: the file is 1000 bytes, its mel filter bank needs ${MEL_FILTERS_END}`);
    const inVocabulary = await spoiledModel((file) => truncate(file, MEL_FILTERS_END + 1000));
    expect(await failure(inVocabulary)).toMatch(new RegExp(`^header cut short: the file is ${MEL_FILTERS_END + 1000} bytes, its vocabulary needs \\d+$`));
  });

  it('refuses a file cut in the tensor data, naming the size its tensor table needs', async () => {
    const cut = await spoiledModel((file) => truncate(file, model.bytes - 1000));
    expect(await failure(cut)).toBe(
      `truncated: the file is ${model.bytes - 1000} bytes, its tensor table needs at least ${model.bytes} (up to the end of tensor 167 of 167, "decoder.ln.bias")`,
    );
  });

  it('refuses a file that ends between tensors', async () => {
    // The last tensor, decoder.ln.bias: 12 bytes of header, one dimension, a 15-byte name, 384 f32 values.
    const lastTensor = 12 + 4 + 15 + 4 * 384;
    const cut = await spoiledModel((file) => truncate(file, model.bytes - lastTensor));
    expect(await failure(cut)).toBe(`truncated: the file is ${model.bytes - lastTensor} bytes and ends after 166 of the 167 tensors its hparams call for`);
  });

  it('refuses bytes appended after the tensor table', async () => {
    const padded = await spoiledModel((file) => appendFile(file, Buffer.alloc(100, 7)));
    expect(await failure(padded)).toBe(`trailing garbage: the tensor table ends at byte ${model.bytes}, the file is ${model.bytes + 100} bytes`);
  });

  it('stops when its signal is aborted', async () => {
    await expect(inspectWhisperModel(model.path, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
