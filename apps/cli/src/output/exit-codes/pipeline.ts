/**
 * Exit codes for the pipeline error codes (see ../exit-codes.ts for the ranges). 40–42 are the engine's
 * (@bollyx/stage-runner); 43–49 are the built-in stages' (several codes of one stage share a number). Cancellation is the generic CANCELLED (130).
 */
export const pipelineExitCodes: Readonly<Record<string, number>> = {
  /** The stage list is not a pipeline: bad definition, unknown stage, cycle, clashing outputs, bad options. */
  PIPELINE_INVALID: 40,
  /** Another live run holds the job folder's lock. */
  PIPELINE_LOCKED: 41,
  /** A stage failed (the stage's own error is in the summary); its dependents were skipped. */
  PIPELINE_FAILED: 42,
  /** A stage's command exited with a failure, crashed, timed out, or wrote nothing usable: its log says why. */
  STAGE_COMMAND_FAILED: 42,
  STAGE_CRASHED: 42,
  STAGE_TIMEOUT: 42,
  STAGE_OUTPUT_MISSING: 42,
  STAGE_INPUT_MISSING: 42,
  STAGE_OUTPUT_INVALID: 42,
  STAGE_OUTPUT_UNDECLARED: 42,
  /** `--only STAGE` or a segment: a stage before it has no cached result to reuse. */
  STAGE_NOT_CACHED: 40,
  /** A segment run: an output of a stage it trusts is missing or differs from that stage's manifest. */
  TRUSTED_OUTPUT_MISMATCH: 42,
  /** A container stage was given a path its container cannot see. */
  CONTAINER_PATH_UNSUPPORTED: 40,
  DEMUX_INPUT_NOT_FOUND: 43,
  DEMUX_FAILED: 43,
  /** The shots stage could not decode the video to find its cuts. */
  SHOTS_FAILED: 43,
  VAD_MODEL_INVALID: 44,
  VAD_AUDIO_INVALID: 44,
  VAD_PARAMETERS_INVALID: 44,
  VAD_FAILED: 44,
  /** The mux output exists: bollyx never writes over a file. */
  MUX_OUTPUT_EXISTS: 45,
  MUX_INPUT_INVALID: 46,
  MUX_FORMAT_UNSUPPORTED: 46,
  MUX_FAILED: 46,
  MUX_VERIFY_FAILED: 46,
  /** ffmpeg could not draw the subtitles into a new video (`--burn-in`). */
  BURN_IN_FAILED: 46,
  /** No word-alignment model is registered for the source language. */
  ALIGN_LANGUAGE_UNSUPPORTED: 47,
  /** The translator cannot translate into the target (Whisper's task writes English only; IndicTrans2 only between English and Indic). */
  TRANSLATE_LANGUAGE_UNSUPPORTED: 48,
  /** `--from`/`--only` name no stage, both were given, or `--output-dir` is a file: a usage mistake, found before any work. */
  RUN_OPTIONS_INVALID: 2,
  /** `bollyx run --output-dir`: a copy would land on an existing file, so nothing was copied. */
  OUTPUT_EXISTS: 49,
  /** A Python stage found no model where its library looks: the same fix as a missing model (`bollyx models pull`). */
  STAGE_MODEL_MISSING: 36,
  /** A Python stage cannot import its library: the environment is missing or broken, as ENVIRONMENT_BROKEN. */
  STAGE_BACKEND_MISSING: 63,
  /** A text translator (NLLB, IndicTrans2) gave a different number of texts than it was given. */
  TRANSLATE_RESULT_INVALID: 48,
  /** --translator llm: nothing answers at --llm-url, it refused the key or the model, or kept failing past the retries. */
  LLM_UNREACHABLE: 48,
  LLM_REQUEST_FAILED: 48,
  LLM_TIMEOUT: 48,
};
