import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { toFloat16Bits } from './float16';
import { melFilterBank } from './mel-filter-bank';
import { SeededNormal } from './random';
import { generateVocabulary } from './vocabulary';
import { WHISPER_TINY, whisperTensors } from './whisper-tensors';
import type { TensorSpec, WhisperHparams } from './whisper-tensors';

const GGML_MAGIC = 0x67676d6c;
const GGML_FTYPE_MOSTLY_F16 = 1;
const GGML_TYPE = { f32: 0, f16: 1 } as const;
const WHISPER_SAMPLE_RATE = 16000;
const WHISPER_N_FFT = 400;
// Values generated and written per step: bounds memory for the 20-million-value token embedding.
const CHUNK_VALUES = 1 << 20;

export interface TestWhisperModelOptions {
  /** Seed for the weights; the same seed writes the same bytes. Default 1. */
  seed?: number;
  /** 51865 (multilingual, the default) or 51864 (English-only `tiny.en`). */
  nVocab?: 51864 | 51865;
}

export interface TestWhisperModel {
  path: string;
  bytes: number;
  tensors: number;
  hparams: WhisperHparams;
}

function int32s(values: number[]): Buffer {
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((value, i) => buffer.writeInt32LE(value, i * 4));
  return buffer;
}

function headerBytes(hparams: WhisperHparams): Buffer {
  const filters = melFilterBank(WHISPER_SAMPLE_RATE, WHISPER_N_FFT, hparams.nMels);
  // whisper.cpp appends the special tokens itself: the file lists only the text tokens before them.
  const textTokens = generateVocabulary(hparams.nVocab >= 51865 ? 50257 : 50256);
  const vocabulary = textTokens.flatMap((token) => [int32s([token.length]), token]);
  return Buffer.concat([
    int32s([
      GGML_MAGIC,
      hparams.nVocab,
      hparams.nAudioCtx,
      hparams.nAudioState,
      hparams.nAudioHead,
      hparams.nAudioLayer,
      hparams.nTextCtx,
      hparams.nTextState,
      hparams.nTextHead,
      hparams.nTextLayer,
      hparams.nMels,
      GGML_FTYPE_MOSTLY_F16,
    ]),
    int32s([hparams.nMels, WHISPER_N_FFT / 2 + 1]),
    Buffer.from(filters.buffer, filters.byteOffset, filters.byteLength),
    int32s([textTokens.length]),
    ...vocabulary,
  ]);
}

function tensorHeader(tensor: TensorSpec): Buffer {
  const name = Buffer.from(tensor.name, 'utf8');
  return Buffer.concat([int32s([tensor.shape.length, name.length, GGML_TYPE[tensor.type]]), int32s(tensor.shape), name]);
}

/** Whisper's encoder positional embedding: sin then cos of position × geometric timescales. */
function fillSinusoids(target: Float64Array, start: number, length: number, channels: number): void {
  const half = channels / 2;
  for (let i = 0; i < length; i++) {
    const position = Math.floor((start + i) / channels);
    const channel = (start + i) % channels;
    const timescale = Math.exp((-Math.log(10000) / (half - 1)) * (channel % half));
    target[i] = channel < half ? Math.sin(position * timescale) : Math.cos(position * timescale);
  }
}

async function writeTensorData(file: FileHandle, tensor: TensorSpec, random: SeededNormal): Promise<number> {
  const count = tensor.shape.reduce((product, size) => product * size, 1);
  const chunkLength = Math.min(count, CHUNK_VALUES);
  const values = new Float64Array(chunkLength);
  // ggml files are little-endian, as are typed arrays on every platform whisper.cpp builds for.
  const stored = tensor.type === 'f16' ? new Uint16Array(chunkLength) : new Float32Array(chunkLength);
  const { fill } = tensor;
  for (let start = 0; start < count; start += CHUNK_VALUES) {
    const length = Math.min(CHUNK_VALUES, count - start);
    if (fill.kind === 'sinusoids') fillSinusoids(values, start, length, tensor.shape[0]!);
    else random.fill(values, length, fill.mean, fill.std);
    if (stored instanceof Uint16Array) for (let i = 0; i < length; i++) stored[i] = toFloat16Bits(values[i]!);
    else stored.set(values.subarray(0, length));
    await file.write(new Uint8Array(stored.buffer, 0, length * stored.BYTES_PER_ELEMENT));
  }
  return count * stored.BYTES_PER_ELEMENT;
}

/**
 * Writes a Whisper model in the ggml format whisper.cpp's `whisper_model_load` reads, with the real
 * tensor names, shapes and types of `tiny`, a real mel filter bank, a generated vocabulary and seeded
 * random weights. whisper-cli loads and runs it like the real thing; the words it produces are noise.
 * The file appears complete or not at all: it is written beside `path` and renamed into place.
 */
export async function writeTestWhisperModel(
  path: string,
  options: TestWhisperModelOptions = {},
): Promise<TestWhisperModel> {
  const nVocab = options.nVocab ?? WHISPER_TINY.nVocab;
  if (nVocab !== 51864 && nVocab !== 51865) {
    throw new RangeError(`nVocab must be 51864 (tiny.en) or 51865 (tiny), got ${String(nVocab)}`);
  }
  const hparams: WhisperHparams = { ...WHISPER_TINY, nVocab };
  const tensors = whisperTensors(hparams);
  const random = new SeededNormal(options.seed ?? 1);
  const partialPath = `${path}.${process.pid}.partial`;

  const file = await open(partialPath, 'w');
  let bytes = 0;
  try {
    const header = headerBytes(hparams);
    await file.write(header);
    bytes += header.length;
    for (const tensor of tensors) {
      const tensorHead = tensorHeader(tensor);
      await file.write(tensorHead);
      bytes += tensorHead.length + (await writeTensorData(file, tensor, random));
    }
    await file.close();
    await rename(partialPath, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(partialPath, { force: true });
    throw error;
  }
  return { path, bytes, tensors: tensors.length, hparams };
}
