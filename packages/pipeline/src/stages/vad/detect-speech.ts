import { openPcmWav } from './pcm-wav';
import { SILERO_SAMPLE_RATE, SILERO_WINDOW, SileroModel } from './silero-model';
import { SpeechSegmenter, vadParametersSchema } from './speech-segments';
import type { SpeechSegment, VadParameters } from './speech-segments';
import { VadAudioInvalidError, VadParametersInvalidError } from './vad-errors';

/** Windows between progress reports: about 8 s of audio. */
const PROGRESS_EVERY = 256;
/** Windows read from disk at a time. */
const READ_WINDOWS = 64;

interface DetectSpeechCommon extends VadParameters {
  /** A Silero VAD v5-protocol ONNX file (the model cache hands over its path). */
  modelPath: string;
  signal?: AbortSignal;
  /** Fraction of the audio scored, 0–1. */
  onProgress?: (fraction: number) => void;
}

export type DetectSpeechOptions = DetectSpeechCommon &
  (
    | { /** A 16 kHz 16-bit PCM WAV, as the demux stage writes. */ wavPath: string; samples?: never }
    | { /** 16 kHz mono samples in [-1, 1]. */ samples: Float32Array; wavPath?: never }
  );

/**
 * VAD stage: runs Silero VAD in process over 16 kHz audio, one 32 ms window at a time, and returns the
 * speech segments in seconds. The abort signal is checked between windows.
 */
export async function detectSpeech(options: DetectSpeechOptions): Promise<SpeechSegment[]> {
  const { signal, onProgress } = options;
  const parsed = vadParametersSchema.safeParse(options);
  if (!parsed.success) {
    throw new VadParametersInvalidError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
      parsed.error,
    );
  }
  signal?.throwIfAborted();
  const audio = options.wavPath === undefined ? fromSamples(options.samples) : await fromWav(options.wavPath);
  try {
    const model = await SileroModel.load(options.modelPath);
    try {
      const segmenter = new SpeechSegmenter(parsed.data, SILERO_SAMPLE_RATE, SILERO_WINDOW);
      const totalWindows = Math.ceil(audio.totalSamples / SILERO_WINDOW);
      let index = 0;
      for await (const window of windows(audio.blocks())) {
        signal?.throwIfAborted();
        segmenter.push(index, await model.probability(window));
        index += 1;
        if (index % PROGRESS_EVERY === 0) onProgress?.(index / totalWindows);
      }
      onProgress?.(1);
      return segmenter.finish(audio.totalSamples);
    } finally {
      await model.release();
    }
  } finally {
    await audio.close();
  }
}

interface AudioSource {
  totalSamples: number;
  blocks(): AsyncIterable<Float32Array>;
  close(): Promise<void>;
}

function fromSamples(samples: Float32Array): AudioSource {
  return {
    totalSamples: samples.length,
    blocks: async function* () {
      yield samples;
    },
    close: async () => undefined,
  };
}

async function fromWav(path: string): Promise<AudioSource> {
  const wav = await openPcmWav(path);
  if (wav.format.sampleRate !== SILERO_SAMPLE_RATE) {
    await wav.close();
    throw new VadAudioInvalidError(path, `sample rate is ${wav.format.sampleRate} Hz; Silero VAD needs 16000 Hz`);
  }
  return {
    totalSamples: wav.format.frameCount,
    blocks: () => wav.blocks(SILERO_WINDOW * READ_WINDOWS),
    close: () => wav.close(),
  };
}

/** Re-cuts blocks of any length into 512-sample windows; the last one may be short. */
async function* windows(blocks: AsyncIterable<Float32Array>): AsyncGenerator<Float32Array> {
  const pending = new Float32Array(SILERO_WINDOW);
  let filled = 0;
  for await (const block of blocks) {
    let offset = 0;
    if (filled > 0) {
      const take = Math.min(SILERO_WINDOW - filled, block.length);
      pending.set(block.subarray(0, take), filled);
      filled += take;
      offset = take;
      if (filled < SILERO_WINDOW) continue;
      yield pending;
      filled = 0;
    }
    for (; offset + SILERO_WINDOW <= block.length; offset += SILERO_WINDOW) {
      yield block.subarray(offset, offset + SILERO_WINDOW);
    }
    pending.set(block.subarray(offset), 0);
    filled = block.length - offset;
  }
  if (filled > 0) yield pending.subarray(0, filled);
}
