import { BollyxError } from '@bollyx/errors';

const MODEL_HINT =
  'Check the model cache with `bollyx models`, or pass the path of a Silero VAD v5 ONNX file (inputs input, state, sr)';

/** The ONNX file is missing, unreadable, or not a Silero VAD v5-protocol model. */
export class VadModelInvalidError extends BollyxError {
  constructor(modelPath: string, reason: string, cause?: unknown) {
    super('VAD_MODEL_INVALID', `VAD model ${modelPath} cannot be used: ${reason}`, {
      hint: MODEL_HINT,
      details: { modelPath, reason },
      cause,
    });
  }
}

/** The audio is not a 16 kHz mono 16-bit PCM WAV (or not a WAV at all). */
export class VadAudioInvalidError extends BollyxError {
  constructor(source: string, reason: string) {
    super('VAD_AUDIO_INVALID', `VAD cannot read ${source}: ${reason}`, {
      hint: 'Extract the audio first (the demux stage), or convert it: `ffmpeg -i <in> -ac 1 -ar 16000 -c:a pcm_s16le <out>.wav`',
      details: { source, reason },
    });
  }
}

/** A VAD setting is out of range. */
export class VadParametersInvalidError extends BollyxError {
  constructor(reason: string, cause?: unknown) {
    super('VAD_PARAMETERS_INVALID', `Invalid VAD settings: ${reason}`, {
      hint: 'Fix the vad section of the job config: threshold in (0, 1), durations in milliseconds ≥ 0',
      details: { reason },
      cause,
    });
  }
}

/** onnxruntime failed while running the model. */
export class VadFailedError extends BollyxError {
  constructor(modelPath: string, reason: string, cause?: unknown) {
    super('VAD_FAILED', `VAD inference failed with ${modelPath}: ${reason}`, {
      hint: MODEL_HINT,
      details: { modelPath, reason },
      cause,
    });
  }
}
