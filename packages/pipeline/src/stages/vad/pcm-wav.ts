import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { VadAudioInvalidError } from './vad-errors';

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
// A streamed WAV (ffmpeg writing to a pipe) leaves the data size unset: 0 or 0xFFFFFFFF.
const UNKNOWN_SIZES = new Set([0, 0xffffffff]);
export const PCM_WAV_HEADER_BYTES = 44;

export interface PcmWavFormat {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Samples per channel in the data chunk. */
  frameCount: number;
}

/** An open 16-bit PCM WAV: its format, and its samples as floats in [-1, 1), read block by block. */
export interface PcmWav {
  format: PcmWavFormat;
  blocks(blockFrames: number): AsyncGenerator<Float32Array>;
  close(): Promise<void>;
}

/** The canonical 44-byte header of a 16-bit PCM WAV holding `dataBytes` of samples. */
export function pcmWavHeader({ sampleRate, channels, dataBytes }: { sampleRate: number; channels: number; dataBytes: number }): Buffer {
  const header = Buffer.alloc(PCM_WAV_HEADER_BYTES);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(WAVE_FORMAT_PCM, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/**
 * Opens a RIFF/WAVE file and walks its chunks to the `fmt ` and `data` chunks (other chunks, such as
 * ffmpeg's LIST, are skipped). Only 16-bit integer PCM is accepted: that is what the demux stage writes.
 */
export async function openPcmWav(path: string): Promise<PcmWav> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new VadAudioInvalidError(path, error.code === 'ENOENT' ? 'file not found' : error.message);
  });
  try {
    const { format, dataOffset, dataBytes } = await readLayout(handle, path);
    return {
      format,
      blocks: (blockFrames) => readBlocks(handle, dataOffset, dataBytes, format.channels, blockFrames),
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function readLayout(
  handle: FileHandle,
  path: string,
): Promise<{ format: PcmWavFormat; dataOffset: number; dataBytes: number }> {
  const fileSize = (await handle.stat()).size;
  const riff = await readAt(handle, 0, 12);
  if (riff.length < 12 || riff.toString('latin1', 0, 4) !== 'RIFF' || riff.toString('latin1', 8, 12) !== 'WAVE') {
    throw new VadAudioInvalidError(path, 'not a RIFF/WAVE file');
  }
  let fmt: Omit<PcmWavFormat, 'frameCount'> | undefined;
  let position = 12;
  while (position + 8 <= fileSize) {
    const header = await readAt(handle, position, 8);
    const id = header.toString('latin1', 0, 4);
    const size = header.readUInt32LE(4);
    const body = position + 8;
    if (id === 'fmt ') {
      fmt = parseFmt(await readAt(handle, body, Math.min(size, 40)), path);
    } else if (id === 'data') {
      if (fmt === undefined) throw new VadAudioInvalidError(path, 'data chunk before the fmt chunk');
      const available = fileSize - body;
      const dataBytes = UNKNOWN_SIZES.has(size) ? available : Math.min(size, available);
      const frameBytes = fmt.channels * (fmt.bitsPerSample / 8);
      return { format: { ...fmt, frameCount: Math.floor(dataBytes / frameBytes) }, dataOffset: body, dataBytes };
    }
    // Chunks are padded to an even length.
    position = body + size + (size % 2);
  }
  throw new VadAudioInvalidError(path, fmt === undefined ? 'no fmt chunk' : 'no data chunk');
}

function parseFmt(chunk: Buffer, path: string): Omit<PcmWavFormat, 'frameCount'> {
  if (chunk.length < 16) throw new VadAudioInvalidError(path, 'truncated fmt chunk');
  const tag = chunk.readUInt16LE(0);
  // WAVE_FORMAT_EXTENSIBLE keeps the real format tag in the first two bytes of its sub-format GUID.
  const formatTag = tag === WAVE_FORMAT_EXTENSIBLE && chunk.length >= 26 ? chunk.readUInt16LE(24) : tag;
  const format = {
    channels: chunk.readUInt16LE(2),
    sampleRate: chunk.readUInt32LE(4),
    bitsPerSample: chunk.readUInt16LE(14),
  };
  if (formatTag !== WAVE_FORMAT_PCM || format.bitsPerSample !== 16 || format.channels < 1) {
    throw new VadAudioInvalidError(
      path,
      `unsupported encoding (format tag ${formatTag}, ${format.bitsPerSample} bits, ${format.channels} channels); 16-bit PCM needed`,
    );
  }
  return format;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function* readBlocks(
  handle: FileHandle,
  dataOffset: number,
  dataBytes: number,
  channels: number,
  blockFrames: number,
): AsyncGenerator<Float32Array> {
  const frameBytes = channels * 2;
  const buffer = Buffer.alloc(blockFrames * frameBytes);
  const end = dataOffset + dataBytes - (dataBytes % frameBytes);
  for (let position = dataOffset; position < end; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, end - position), position);
    if (bytesRead === 0) return;
    const frames = Math.floor(bytesRead / frameBytes);
    // WAV is little-endian, as is every platform Node ships for, so the bytes map straight onto Int16.
    const pcm = new Int16Array(buffer.buffer, buffer.byteOffset, frames * channels);
    const block = new Float32Array(frames);
    // Channels beyond the first are averaged in, so a stereo file still reads as one signal.
    for (let frame = 0; frame < frames; frame += 1) {
      let sum = 0;
      for (let channel = 0; channel < channels; channel += 1) sum += pcm[frame * channels + channel] as number;
      block[frame] = sum / channels / 32768;
    }
    yield block;
    position += frames * frameBytes;
  }
}
