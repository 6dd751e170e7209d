import { open } from 'node:fs/promises';
import { FileCursor } from './file-cursor';
import { GGML_FTYPE_WEIGHTS, GGML_TYPES } from './ggml-types';
import { ModelFileInvalidError } from './model-errors';

/** What the header and tensor table of a whole whisper.cpp ggml model say. */
export interface WhisperModelFacts {
  path: string;
  nVocab: number;
  nAudioLayer: number;
  nTextLayer: number;
  nMels: number;
  /** As whisper.cpp reads it (the quantization version factored out): 1 is f16, 8 q5_0, … */
  ftype: number;
  /** The storage type of the weight matrices: `f16`, `q5_0`, `q8_0`, … */
  weightType: string;
  tensors: number;
  /** The file's size, which is exactly what its header and tensor table add up to. */
  bytes: number;
}

export interface InspectWhisperModelOptions {
  signal?: AbortSignal;
}

const GGML_MAGIC = 0x67676d6c;
const GGUF_MAGIC = 0x46554747;
const GGML_QNT_VERSION_FACTOR = 1000;
// whisper.cpp reads at most 4 dimensions into a fixed array; names are like `decoder.blocks.31.cross_attn.out.weight`.
const MAX_DIMS = 4;
const MAX_NAME_BYTES = 256;
const HPARAM_NAMES = [
  'n_vocab', 'n_audio_ctx', 'n_audio_state', 'n_audio_head', 'n_audio_layer',
  'n_text_ctx', 'n_text_state', 'n_text_head', 'n_text_layer', 'n_mels',
] as const;
type Hparams = Record<(typeof HPARAM_NAMES)[number], number>;

type Invalid = (problem: string, details?: Record<string, unknown>) => ModelFileInvalidError;

/** The tensors `whisper_model_load` creates, each of which the file must hold once. */
function expectedTensorCount(hparams: Hparams): number {
  // Encoder: positional embedding, 2 convolutions (weight, bias), final norm; 15 per block.
  // Decoder: token and positional embeddings, final norm; 24 per block (self and cross attention, MLP).
  return 7 + 15 * hparams.n_audio_layer + 4 + 24 * hparams.n_text_layer;
}

function describeMagic(head: Buffer, magic: number): string {
  const hex = `0x${magic.toString(16).padStart(8, '0')}`;
  const text = /^[\x20-\x7e]{4}$/.test(head.toString('latin1')) ? ` (the file starts "${head.toString('latin1')}")` : '';
  const gguf = magic === GGUF_MAGIC ? '; it is a GGUF file, which whisper.cpp does not read' : '';
  return `not a ggml file: magic ${hex}${text}, expected 0x${GGML_MAGIC.toString(16)}${gguf}`;
}

/** Magic, hparams, mel filter bank and vocabulary, in `whisper_model_load`'s order; leaves the cursor at the first tensor. */
async function readHeader(cursor: FileCursor, invalid: Invalid): Promise<{ hparams: Hparams; ftype: number; weightType: string }> {
  const cutShort = (part: string, needed: number) =>
    invalid(`header cut short: the file is ${cursor.size} bytes, its ${part} needs ${needed}`, { neededBytes: needed });
  const need = async (length: number, part: string): Promise<Buffer> => {
    const bytes = await cursor.take(length);
    if (bytes === undefined) throw cutShort(part, cursor.position + length);
    return bytes;
  };
  const skip = (length: number, part: string) => {
    if (cursor.position + length > cursor.size) throw cutShort(part, cursor.position + length);
    cursor.skip(length);
  };
  const count = async (field: string, part: string): Promise<number> => {
    const value = (await need(4, part)).readInt32LE(0);
    if (value < 0) throw invalid(`corrupt header: ${field} is ${value}`);
    return value;
  };

  if (cursor.size === 0) throw invalid('the file is empty');
  const head = await need(4, 'magic');
  const magic = head.readUInt32LE(0);
  if (magic !== GGML_MAGIC) throw invalid(describeMagic(head, magic), { magic });

  const fields = await need(4 * (HPARAM_NAMES.length + 1), 'hparams');
  const hparams = Object.fromEntries(HPARAM_NAMES.map((name, i) => [name, fields.readInt32LE(4 * i)])) as Hparams;
  for (const [name, value] of Object.entries(hparams)) {
    if (value <= 0) throw invalid(`corrupt header: ${name} is ${value}`);
  }
  const ftype = fields.readInt32LE(4 * HPARAM_NAMES.length) % GGML_QNT_VERSION_FACTOR;
  const weightType = GGML_FTYPE_WEIGHTS.get(ftype);
  if (weightType === undefined) throw invalid(`corrupt header: ftype ${ftype} is not one whisper.cpp's convert or quantize tools write`);

  const nMel = await count('the mel filter count', 'mel filter bank');
  const nFft = await count('the mel filter width', 'mel filter bank');
  skip(4 * nMel * nFft, 'mel filter bank');
  const nTokens = await count('the vocabulary size', 'vocabulary');
  for (let token = 0; token < nTokens; token++) skip((await need(4, 'vocabulary')).readUInt32LE(0), 'vocabulary');
  return { hparams, ftype, weightType };
}

/** Reads `expected` tensor headers, seeking over each tensor's data; leaves the cursor at the table's end. */
async function walkTensors(cursor: FileCursor, expected: number, invalid: Invalid, signal: AbortSignal | undefined): Promise<void> {
  for (let index = 0; index < expected; index++) {
    signal?.throwIfAborted();
    const which = `tensor ${index + 1} of ${expected}`;
    if (cursor.position === cursor.size) {
      throw invalid(`truncated: the file is ${cursor.size} bytes and ends after ${index} of the ${expected} tensors its hparams call for`);
    }
    const truncatedHeader = () => invalid(`truncated: the file is ${cursor.size} bytes and ends inside the header of ${which}`);
    const header = await cursor.take(12);
    if (header === undefined) throw truncatedHeader();
    const [nDims, nameBytes, typeId] = [header.readInt32LE(0), header.readInt32LE(4), header.readInt32LE(8)];
    if (nDims < 1 || nDims > MAX_DIMS) throw invalid(`corrupt tensor header: ${which} has ${nDims} dimensions`);
    if (nameBytes < 1 || nameBytes > MAX_NAME_BYTES) throw invalid(`corrupt tensor header: ${which} has a ${nameBytes}-byte name`);
    const type = GGML_TYPES.get(typeId);
    if (type === undefined) throw invalid(`corrupt tensor header: ${which} has ggml type ${typeId}, which no whisper.cpp model uses`);
    const dims = await cursor.take(4 * nDims);
    const nameBuffer = dims && (await cursor.take(nameBytes));
    if (dims === undefined || nameBuffer === undefined) throw truncatedHeader();
    const name = nameBuffer.toString('utf8');

    let values = 1;
    for (let dim = 0; dim < nDims; dim++) {
      const size = dims.readInt32LE(4 * dim);
      if (size < 1) throw invalid(`corrupt tensor header: ${which} ("${name}") has a dimension of ${size}`);
      values *= size;
    }
    if (values % type.blockSize !== 0) {
      throw invalid(`corrupt tensor header: ${which} ("${name}") has ${values} values, not whole ${type.name} blocks of ${type.blockSize}`);
    }
    const end = cursor.position + (values / type.blockSize) * type.blockBytes;
    if (end > cursor.size) {
      throw invalid(`truncated: the file is ${cursor.size} bytes, its tensor table needs at least ${end} (up to the end of ${which}, "${name}")`, { neededBytes: end });
    }
    cursor.skip(end - cursor.position);
  }
}

/**
 * Reads a whisper.cpp ggml model's header and walks its tensor table as `whisper_model_load` does, reading
 * each tensor's header and seeking over its data, so a 3 GB model costs milliseconds. Throws
 * ModelFileInvalidError naming what is wrong: not a ggml file, a header cut short or impossible, a tensor
 * table the file is too short for, or bytes after it (whisper.cpp would only fail to initialize).
 */
export async function inspectWhisperModel(path: string, options: InspectWhisperModelOptions = {}): Promise<WhisperModelFacts> {
  const { signal } = options;
  signal?.throwIfAborted();
  const file = await open(path, 'r').catch((error: unknown) => {
    throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? new ModelFileInvalidError(path, 'there is no such file') : error;
  });
  try {
    const stats = await file.stat();
    if (!stats.isFile()) throw new ModelFileInvalidError(path, 'it is not a file');
    const cursor = new FileCursor(file, stats.size);
    const invalid: Invalid = (problem, details = {}) => new ModelFileInvalidError(path, problem, { bytes: cursor.size, ...details });
    const { hparams, ftype, weightType } = await readHeader(cursor, invalid);
    const tensors = expectedTensorCount(hparams);
    await walkTensors(cursor, tensors, invalid, signal);
    if (cursor.position < cursor.size) {
      throw invalid(`trailing garbage: the tensor table ends at byte ${cursor.position}, the file is ${cursor.size} bytes`, { neededBytes: cursor.position });
    }
    return {
      path,
      nVocab: hparams.n_vocab,
      nAudioLayer: hparams.n_audio_layer,
      nTextLayer: hparams.n_text_layer,
      nMels: hparams.n_mels,
      ftype,
      weightType,
      tensors,
      bytes: cursor.size,
    };
  } finally {
    await file.close();
  }
}
