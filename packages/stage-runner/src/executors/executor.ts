import type { Device } from '../device';
import type { StageParams } from '../stage-definition';

/** What a stage sees while it runs. Paths are absolute. */
export interface StageContext {
  readonly stageId: string;
  readonly runId: string;
  readonly jobDir: string;
  readonly params: Readonly<StageParams>;
  /** The device of this attempt: the preferred one, or a fallback after a device error. */
  readonly device: Device;
  /** The declared input files, resolved against the job folder. */
  readonly inputs: readonly string[];
  /** Where to write each declared output, in declaration order: temp paths renamed into place on success. */
  readonly outputs: readonly string[];
  /** The final output files of each needed stage, by stage id. */
  readonly needs: Readonly<Record<string, readonly string[]>>;
  /** Aborted on cancellation or timeout. */
  readonly signal: AbortSignal;
  /** The temp path to write the declared output `declared` (as written in the stage's outputs) to. */
  output(declared: string): string;
  progress(fraction: number, message?: string): void;
  /** One line into the stage's log file. */
  log(line: string): void;
  /** Counts for the manifest (tokens in and out, requests): each call adds to those of the attempt. */
  metrics(values: Readonly<Record<string, number>>): void;
}

/** Reads a progress fraction (0–1) out of one line of a subprocess's stdout or stderr. */
export type ProgressParser = (line: string) => { fraction: number; message?: string } | undefined;

/** Facts about a failed attempt, for deciding whether another device could succeed. */
export interface AttemptFailure {
  device: Device;
  message: string;
  /** The last lines the attempt logged (its subprocess output, or its ctx.log lines). */
  output: string;
}

/** True when the failure is the device's fault; the default matches CUDA and Metal error messages. */
export type DeviceErrorClassifier = (failure: AttemptFailure) => boolean;

interface ExecutorBase {
  isDeviceError?: DeviceErrorClassifier;
  /**
   * The typed error for a failure the tool explained in its own output (a Python stage's `MODEL_MISSING`
   * line), reported instead of the generic one so the caller gets that failure's code and fix; undefined
   * keeps the generic one. Not consulted for a full disk, which is reported as such.
   */
  explainFailure?(failure: AttemptFailure): Error | undefined;
  /**
   * Checks what the stage wrote (at ctx.outputs) after it succeeded; a throw fails the attempt. For tools
   * that exit 0 with a cut file when a write fails, as whisper-cli does on a full disk.
   */
  checkOutputs?(ctx: StageContext): Promise<void>;
}

interface SubprocessExecutorBase extends ExecutorBase {
  /** Extra environment variables (merged over the runner's own). Never written to logs. */
  env?: Readonly<Record<string, string>>;
  parseProgress?: ProgressParser;
}

export interface InProcessExecutor extends ExecutorBase {
  kind: 'in-process';
  run(ctx: StageContext): Promise<void>;
}

export interface BinaryExecutor extends SubprocessExecutorBase {
  kind: 'binary';
  command: string;
  /**
   * The arguments for one attempt. In a container ctx has the container's paths (/job/…), and `host` is the
   * same attempt with this machine's paths, for reading a needed stage's output while building them.
   */
  args(ctx: StageContext, host?: StageContext): readonly string[];
}

export interface PythonExecutor extends SubprocessExecutorBase {
  kind: 'python';
  /** The script to run with the interpreter of the stage's environment. */
  script: string;
  /** Arguments after the script (and after `--request FILE` when there is a request). */
  args?(ctx: StageContext): readonly string[];
  /**
   * The JSON request of the stage-script contract, made per attempt (the device changes on a fallback);
   * may be a promise. Written to a file beside the stage's outputs, passed as `--request FILE`, removed
   * after the attempt.
   */
  request?(ctx: StageContext): unknown;
}

export interface ContainerExecutor extends SubprocessExecutorBase {
  kind: 'container';
  engine: 'docker' | 'podman';
  image: string;
  /** Mounted read-only at /models. */
  modelCacheDir?: string;
  /** The command inside the container; ctx paths are given as the container sees them (/job/…). */
  command(ctx: StageContext, host: StageContext): readonly string[];
  /**
   * The JSON request of the stage-script contract, as a python executor's: made per attempt (may be a
   * promise) from the host's view of ctx, so it can read the needed stages' files. Host paths in it that
   * the container sees (the job folder, the inputs, the model cache) are rewritten to the container's; it
   * is written beside the stage's first output, inside the job folder, and `--request /job/…` follows the
   * command.
   */
  request?(ctx: StageContext): unknown;
}

export type Executor = InProcessExecutor | BinaryExecutor | PythonExecutor | ContainerExecutor;
