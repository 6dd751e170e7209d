/** Whisper's model dimensions, in the order a ggml file stores them after the magic. */
export interface WhisperHparams {
  nVocab: number;
  nAudioCtx: number;
  nAudioState: number;
  nAudioHead: number;
  nAudioLayer: number;
  nTextCtx: number;
  nTextState: number;
  nTextHead: number;
  nTextLayer: number;
  nMels: number;
}

/** The dimensions of OpenAI's multilingual `tiny` checkpoint. */
export const WHISPER_TINY: WhisperHparams = {
  nVocab: 51865,
  nAudioCtx: 1500,
  nAudioState: 384,
  nAudioHead: 6,
  nAudioLayer: 4,
  nTextCtx: 448,
  nTextState: 384,
  nTextHead: 6,
  nTextLayer: 4,
  nMels: 80,
};

/** How a tensor's values are made: seeded noise around a mean, or Whisper's fixed sinusoids. */
export type TensorFill = { kind: 'normal'; mean: number; std: number } | { kind: 'sinusoids' };

export interface TensorSpec {
  name: string;
  /** ggml order: `shape[0]` varies fastest (the reverse of PyTorch's). */
  shape: number[];
  type: 'f32' | 'f16';
  fill: TensorFill;
}

const WEIGHT: TensorFill = { kind: 'normal', mean: 0, std: 0.02 };
// Layer norms scale by ~1 as trained ones do, so activations neither vanish nor blow up.
const NORM_SCALE: TensorFill = { kind: 'normal', mean: 1, std: 0.02 };

/**
 * Every tensor `whisper_model_load` expects, with the names, ggml shapes and storage types that
 * convert-pt-to-ggml.py writes for an f16 model: matrices and convolutions in f16; biases, norms and
 * positional embeddings in f32.
 */
export function whisperTensors(hparams: WhisperHparams): TensorSpec[] {
  const audio = hparams.nAudioState;
  const text = hparams.nTextState;
  const tensors: TensorSpec[] = [];
  const add = (name: string, shape: number[], type: 'f32' | 'f16', fill: TensorFill = WEIGHT) =>
    tensors.push({ name, shape, type, fill });

  const attention = (prefix: string, width: number) => {
    add(`${prefix}_ln.weight`, [width], 'f32', NORM_SCALE);
    add(`${prefix}_ln.bias`, [width], 'f32');
    add(`${prefix}.query.weight`, [width, width], 'f16');
    add(`${prefix}.query.bias`, [width], 'f32');
    // Whisper's key projection has no bias.
    add(`${prefix}.key.weight`, [width, width], 'f16');
    add(`${prefix}.value.weight`, [width, width], 'f16');
    add(`${prefix}.value.bias`, [width], 'f32');
    add(`${prefix}.out.weight`, [width, width], 'f16');
    add(`${prefix}.out.bias`, [width], 'f32');
  };
  const mlp = (prefix: string, width: number) => {
    add(`${prefix}.mlp_ln.weight`, [width], 'f32', NORM_SCALE);
    add(`${prefix}.mlp_ln.bias`, [width], 'f32');
    add(`${prefix}.mlp.0.weight`, [width, 4 * width], 'f16');
    add(`${prefix}.mlp.0.bias`, [4 * width], 'f32');
    add(`${prefix}.mlp.2.weight`, [4 * width, width], 'f16');
    add(`${prefix}.mlp.2.bias`, [width], 'f32');
  };

  add('encoder.positional_embedding', [audio, hparams.nAudioCtx], 'f32', { kind: 'sinusoids' });
  add('encoder.conv1.weight', [3, hparams.nMels, audio], 'f16');
  add('encoder.conv1.bias', [1, audio], 'f32');
  add('encoder.conv2.weight', [3, audio, audio], 'f16');
  add('encoder.conv2.bias', [1, audio], 'f32');
  for (let layer = 0; layer < hparams.nAudioLayer; layer++) {
    attention(`encoder.blocks.${layer}.attn`, audio);
    mlp(`encoder.blocks.${layer}`, audio);
  }
  add('encoder.ln_post.weight', [audio], 'f32', NORM_SCALE);
  add('encoder.ln_post.bias', [audio], 'f32');

  add('decoder.token_embedding.weight', [text, hparams.nVocab], 'f16');
  add('decoder.positional_embedding', [text, hparams.nTextCtx], 'f32', { kind: 'normal', mean: 0, std: 0.01 });
  for (let layer = 0; layer < hparams.nTextLayer; layer++) {
    attention(`decoder.blocks.${layer}.attn`, text);
    attention(`decoder.blocks.${layer}.cross_attn`, text);
    mlp(`decoder.blocks.${layer}`, text);
  }
  add('decoder.ln.weight', [text], 'f32', NORM_SCALE);
  add('decoder.ln.bias', [text], 'f32');
  return tensors;
}
