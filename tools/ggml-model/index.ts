// Test fixture: a ggml Whisper model with tiny's real format and shapes and random weights.
export { writeTestWhisperModel } from './write-test-whisper-model';
export type { TestWhisperModel, TestWhisperModelOptions } from './write-test-whisper-model';
export { WHISPER_TINY } from './whisper-tensors';
export type { WhisperHparams } from './whisper-tensors';
