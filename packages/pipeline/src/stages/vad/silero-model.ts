import { readFile } from 'node:fs/promises';
import type * as Ort from 'onnxruntime-web';
import { VadFailedError, VadModelInvalidError } from './vad-errors';

export const SILERO_SAMPLE_RATE = 16_000;
/** Samples the v5 model scores per call at 16 kHz (32 ms). */
export const SILERO_WINDOW = 512;
/** The tail of the previous window, prepended to each window: the v5 model expects 64 + 512 samples. */
const CONTEXT = 64;
const STATE_SIZE = 2 * 1 * 128;

let runtime: Promise<typeof Ort> | undefined;

/**
 * onnxruntime-web, imported on the first load so that importing the package loads no WASM. Against the
 * native runtime it installs half the size with no download, and writes no files (bench/vad-runtimes.mjs).
 * Its Node build runs the model in this thread: one thread (a window is too small to split, and the other
 * cores stay free for ASR), no proxy worker, and no warnings about the unused initializers the upstream
 * exports carry.
 */
function onnxRuntime(): Promise<typeof Ort> {
  runtime ??= import('onnxruntime-web').then((ort) => {
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    ort.env.logLevel = 'error';
    return ort;
  });
  return runtime;
}

/**
 * One Silero VAD session fed window by window. The v5 protocol: `input` [1, 576] (64 samples of context
 * then the 512-sample window), `state` [2, 1, 128] carried from the previous call's `stateN`, and `sr`
 * (int64 scalar; the fp16 export has no `sr` input). Tensors are allocated once and their buffers
 * rewritten in place for every window.
 */
export class SileroModel {
  private readonly input = new Float32Array(CONTEXT + SILERO_WINDOW);
  private readonly state = new Float32Array(STATE_SIZE);
  private readonly feeds: Ort.InferenceSession.FeedsType;

  private constructor(ort: typeof Ort, private readonly session: Ort.InferenceSession, private readonly modelPath: string) {
    this.feeds = {
      input: new ort.Tensor('float32', this.input, [1, this.input.length]),
      state: new ort.Tensor('float32', this.state, [2, 1, 128]),
      ...(session.inputNames.includes('sr') && {
        sr: new ort.Tensor('int64', BigInt64Array.from([BigInt(SILERO_SAMPLE_RATE)]), []),
      }),
    };
  }

  /** Loads the ONNX file and checks that it speaks the v5 protocol. */
  static async load(modelPath: string): Promise<SileroModel> {
    const bytes = await readFile(modelPath).catch((error: NodeJS.ErrnoException) => {
      throw new VadModelInvalidError(modelPath, error.code === 'ENOENT' ? 'file not found' : error.message, error);
    });
    const ort = await onnxRuntime();
    let session: Ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all', logSeverityLevel: 3 });
    } catch (error) {
      throw new VadModelInvalidError(modelPath, `onnxruntime cannot load it (${(error as Error).message})`, error);
    }
    const missing = ['input', 'state'].filter((name) => !session.inputNames.includes(name));
    const missingOutputs = ['output', 'stateN'].filter((name) => !session.outputNames.includes(name));
    if (missing.length > 0 || missingOutputs.length > 0) {
      await session.release();
      throw new VadModelInvalidError(
        modelPath,
        `not a Silero VAD v5 model: inputs [${session.inputNames.join(', ')}], outputs [${session.outputNames.join(
          ', ',
        )}]`,
      );
    }
    return new SileroModel(ort, session, modelPath);
  }

  /** Clears the recurrent state and context: call before a new, unrelated stream of audio. */
  reset(): void {
    this.input.fill(0);
    this.state.fill(0);
  }

  /** Speech probability of the next 512-sample window (shorter windows are zero-padded). */
  async probability(window: Float32Array): Promise<number> {
    const { input } = this;
    input.copyWithin(0, SILERO_WINDOW);
    input.set(window, CONTEXT);
    if (window.length < SILERO_WINDOW) input.fill(0, CONTEXT + window.length);
    let results: Ort.InferenceSession.ReturnType;
    try {
      results = await this.session.run(this.feeds);
    } catch (error) {
      throw new VadFailedError(this.modelPath, (error as Error).message, error);
    }
    this.state.set(results.stateN?.data as Float32Array);
    return (results.output?.data as Float32Array)[0] ?? 0;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
