import { dirname, join } from 'node:path';
import type { StageFamily } from '@bollyx/environment-manager';
import type { ComputeType } from '@bollyx/hardware-detection';
import { looksLikeDeviceError, type Device } from '@bollyx/stage-runner';
import type { AttemptFailure, StageContext } from '@bollyx/stage-runner';
import { python } from '@bollyx/stage-runner';
import { PipelineDefinitionError } from '@bollyx/stage-runner';
import { pythonStageScript, type PythonStageScriptName } from '@bollyx/python-stages';
import type { StageDefinition, StageParams } from '@bollyx/stage-runner';
import { modelIdentity } from './model-identity';
import { StageBackendMissingError, StageModelMissingError } from './python-stage-errors';
import type { ResolvedSubtitlePipelineOptions } from './subtitle-pipeline-options';

/** The devices each family's script accepts; any other preferred device runs on the CPU. */
const FAMILY_DEVICES: Readonly<Record<StageFamily, readonly Device[]>> = {
  // CTranslate2 (faster-whisper, WhisperX) has no Metal backend; MLX has no CUDA one.
  'asr-faster-whisper': ['cuda', 'cpu'],
  'asr-whisperx': ['cuda', 'cpu'],
  'align-whisperx': ['cuda', 'cpu'],
  'asr-mlx': ['metal', 'cpu'],
  'diarize-pyannote': ['cuda', 'metal', 'cpu'],
  'translate-indictrans2': ['cuda', 'metal', 'cpu'],
  'translate-nllb': ['cuda', 'metal', 'cpu'],
  'ner-transformers': ['cuda', 'metal', 'cpu'],
  tools: ['cpu'],
};

/** The contract's helper module every script imports (beside them): a change to it re-runs every Python stage. */
const CONTRACT_MODULE = 'bollyx_stage.py';

/** Reads one of the contract's JSON lines on stderr (`{"event": …}`), or undefined for any other line. */
function scriptEvent(line: string): Record<string, unknown> | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null && 'event' in parsed ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A script's `{"event":"progress","fraction":0.42,"message":"…"}` line as progress. */
export function parseScriptProgress(line: string): { fraction: number; message?: string } | undefined {
  const event = scriptEvent(line);
  if (event?.event !== 'progress' || typeof event.fraction !== 'number') return undefined;
  return { fraction: event.fraction, ...(typeof event.message === 'string' ? { message: event.message } : {}) };
}

/** A device error: the script said so (`"code": "DEVICE_ERROR"`), or the library's own text names CUDA or Metal. */
export function isScriptDeviceError(failure: AttemptFailure): boolean {
  const said = failure.output.split('\n').some((line) => {
    const event = scriptEvent(line);
    return event?.event === 'error' && event.code === 'DEVICE_ERROR';
  });
  return said || looksLikeDeviceError(`${failure.message}\n${failure.output}`);
}

/** The error a script reported as its last `{"event":"error"}` line, if any. */
function scriptError(output: string): { code: string; message: string } | undefined {
  const said = output
    .split('\n')
    .map(scriptEvent)
    .filter((event) => event?.event === 'error' && typeof event.code === 'string' && typeof event.message === 'string')
    .at(-1);
  return said === undefined ? undefined : { code: String(said.code), message: String(said.message) };
}

/** A script's MODEL_MISSING or BACKEND_MISSING as the typed error with that failure's fix; other failures stay generic. */
export function explainScriptFailure(stageId: string, model: string, environment: string, failure: AttemptFailure): Error | undefined {
  const said = scriptError(failure.output);
  if (said?.code === 'MODEL_MISSING') return new StageModelMissingError(stageId, said.message, model);
  if (said?.code === 'BACKEND_MISSING') return new StageBackendMissingError(stageId, said.message, environment);
  return undefined;
}

/** The contract's request fields every script reads, for this attempt. */
export interface CommonRequest {
  device: Device;
  /** The stage's configured precision, for a script that computes in one: it adapts it to the attempt's device (int8 or float32 on a CPU). */
  computeType?: ComputeType;
  model: string;
  output: string;
  threads: number;
}

export interface PythonStageSpec {
  id: string;
  family: StageFamily;
  /** The script, by name. */
  script: PythonStageScriptName;
  /** What does the work, for the manifest (`faster-whisper`, `pyannote`, …). */
  backend: string;
  needs: string[];
  /** Values that shape the output besides the model and compute type (which are added). */
  params: StageParams;
  /** The one file the script writes: the request's `output`. */
  output: string;
  /** The config's device for the stage (the hardware recommendation's unless set). */
  device: Device;
  /** The stage's configured precision; none for a script that computes in its library's own (pyannote, wav2vec2: float32). */
  computeType?: ComputeType;
  /** The stage's CPU threads: its config section's, else `options.threads`. */
  threads: number | undefined;
  /** The stage's own request fields for this attempt, besides the common ones. */
  request(ctx: StageContext): Promise<Record<string, unknown>> | Record<string, unknown>;
}

/**
 * A stage that runs one of the package's Python scripts in its family's environment, speaking the
 * stage-script contract: a request file in (made per attempt: the device changes on a fallback), one
 * JSON result out, progress and errors as JSON lines on stderr. A device error moves it to the CPU.
 */
export function pythonStage(options: ResolvedSubtitlePipelineOptions, spec: PythonStageSpec): StageDefinition {
  const runtime = options.python[spec.family];
  if (runtime === undefined) {
    throw new PipelineDefinitionError(
      `Stage ${spec.id} runs in the ${spec.family} environment, but no runtime was given for it`,
      'Pass python[family] = { environment, env, model } (bollyx run finds them with checkEnvironment and envVarsFor)',
    );
  }
  const scriptsDir = options.scriptsDir ?? dirname(pythonStageScript(spec.script));
  const script = join(scriptsDir, `${spec.script}.py`);
  const preferred = FAMILY_DEVICES[spec.family].includes(spec.device) ? spec.device : 'cpu';
  const { model } = runtime;
  // Only a script that computes in the configured precision is sent it, and runs again when it changes.
  const precision: { computeType: ComputeType } | Record<string, never> = spec.computeType === undefined ? {} : { computeType: spec.computeType };
  const threads = spec.threads ?? options.threads;
  return {
    id: spec.id,
    version: '1',
    needs: spec.needs,
    // The script and the contract module it imports: an edited script runs again.
    inputs: [script, join(scriptsDir, CONTRACT_MODULE)],
    // The model by identity, not by the path of this machine's hub cache; the request still gets the path.
    params: { ...spec.params, model: modelIdentity(model), ...precision },
    outputs: [spec.output],
    device: { preferred, fallback: preferred === 'cpu' ? [] : ['cpu'] },
    environment: runtime.environment,
    backend: spec.backend,
    run: python({
      script,
      env: runtime.env,
      request: async (ctx) => {
        const common: CommonRequest = { device: ctx.device, ...precision, model, output: ctx.output(spec.output), threads };
        return { ...common, ...(await spec.request(ctx)) };
      },
      parseProgress: parseScriptProgress,
      isDeviceError: isScriptDeviceError,
      explainFailure: (failure) => explainScriptFailure(spec.id, model, runtime.environment.name, failure),
    }),
  };
}
