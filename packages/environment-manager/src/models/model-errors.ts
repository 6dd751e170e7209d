import { BollyxError } from '@bollyx/errors';
import type { DigestAlgorithm } from './model-registry-schema';

/** The library call that fetches a model, named in hints beside the command for code that embeds bollyx. */
export type PullFunction = 'pullModel' | 'pullHubModel';

/** The command and the library call that fetch `model`, for hints. */
function pullFix(model: string, pullFunction: PullFunction = 'pullModel'): string {
  return `\`bollyx models pull ${model}\` (from code: \`${pullFunction}('${model}')\`)`;
}

/** The name is neither a registry model nor a path to an existing file. */
export class ModelUnknownError extends BollyxError {
  constructor(nameOrPath: string, knownNames: readonly string[]) {
    super('MODEL_UNKNOWN', `unknown model "${nameOrPath}"; known models: ${knownNames.join(', ')}`, {
      hint: 'run `bollyx models list` for the names bollyx knows',
      details: { model: nameOrPath, knownNames },
    });
  }
}

/** The model is not in the cache, and this call may not (offline) or does not fetch it. */
export class ModelNotPresentError extends BollyxError {
  constructor(model: string, path: string, options: { offline: boolean }) {
    const why = options.offline ? ' and offline mode (BOLLYX_OFFLINE) forbids downloading it' : '';
    super('MODEL_NOT_PRESENT', `model ${model} is not in the cache: ${path} is missing${why}`, {
      hint: options.offline
        ? `run ${pullFix(model)} without BOLLYX_OFFLINE (on an air-gapped site, with BOLLYX_MODEL_MIRROR set), or copy the file from a machine that has it to ${path}`
        : `run ${pullFix(model)}`,
      details: { model, path, offline: options.offline },
    });
  }
}

export interface ModelFetchFailure {
  model: string;
  /** The URL the bytes were to come from. */
  source: string;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** True when the source is BOLLYX_MODEL_MIRROR or the mirror option rather than the registry URL. */
  fromMirror: boolean;
  /** The setting that points downloads at a mirror, named in the hint. Default: BOLLYX_MODEL_MIRROR. */
  mirrorSetting?: string;
  /** Named in the hint. Default: pullModel. */
  pullFunction?: PullFunction;
  cause?: unknown;
}

/** The model's bytes could not be fetched: an HTTP error status, or the network gave out. */
export class ModelFetchError extends BollyxError {
  constructor(failure: ModelFetchFailure) {
    const reason =
      failure.status !== undefined
        ? `the server answered HTTP ${failure.status}`
        : failure.cause instanceof Error
          ? describeCause(failure.cause)
          : 'the source is unreachable';
    const mirrorSetting = failure.mirrorSetting ?? 'BOLLYX_MODEL_MIRROR';
    const hint =
      failure.status === 404 && failure.fromMirror
        ? `put the file at ${failure.source} on the mirror, or unset ${mirrorSetting} to use the registry URL`
        : failure.status !== undefined && failure.status < 500
          ? `check that ${failure.source} is reachable, or set ${mirrorSetting} to a mirror that has the file`
          : `check the network and rerun ${pullFix(failure.model, failure.pullFunction)} (it resumes), or set ${mirrorSetting}`;
    super('MODEL_FETCH_FAILED', `could not fetch model ${failure.model} from ${failure.source}: ${reason}`, {
      hint,
      cause: failure.cause,
      details: { model: failure.model, source: failure.source, ...(failure.status === undefined ? {} : { status: failure.status }) },
    });
  }
}

export interface ModelChecksumFailure {
  model: string;
  /** The file that was checked. */
  path: string;
  /** The URL it came from, when it was just fetched. */
  source?: string;
  algorithm: DigestAlgorithm;
  expected: string;
  /** Absent when the size alone already showed the file is wrong and it was not hashed. */
  actual?: string;
  expectedSize: number;
  actualSize: number;
  /** True when the bad file was deleted (a fresh download), false when it was left alone (verify). */
  deleted: boolean;
  /** The setting that points downloads at a mirror, named in the hint. Default: BOLLYX_MODEL_MIRROR. */
  mirrorSetting?: string;
  /** Named in the hint. Default: pullModel. */
  pullFunction?: PullFunction;
}

/** The bytes are not the registry's: a corrupt download, a wrong mirror file, or a file changed on disk. */
export class ModelChecksumMismatchError extends BollyxError {
  constructor({ mirrorSetting = 'BOLLYX_MODEL_MIRROR', pullFunction, ...failure }: ModelChecksumFailure) {
    const what = failure.source === undefined ? failure.path : `${failure.source} (saved as ${failure.path})`;
    const problem =
      failure.actual === undefined
        ? `is ${failure.actualSize} bytes where the registry expects ${failure.expectedSize}`
        : `failed its ${failure.algorithm} check: expected ${failure.expected}, got ${failure.actual}`;
    super(
      'MODEL_CHECKSUM_MISMATCH',
      `model ${failure.model}: ${what} ${problem}${failure.deleted ? '; the file was deleted' : ''}`,
      {
        hint: failure.source === undefined
          ? `run ${pullFix(failure.model, pullFunction)} to fetch a good copy`
          : `rerun ${pullFix(failure.model, pullFunction)}; if it fails again the source serves a different file: fix or unset ${mirrorSetting}`,
        details: { ...failure },
      },
    );
  }
}

/**
 * A model given by path is not a whole whisper.cpp ggml model: another kind of file, cut short, or with
 * bytes after its tensors. whisper.cpp would only say it failed to initialize its context.
 */
export class ModelFileInvalidError extends BollyxError {
  constructor(path: string, problem: string, details: Record<string, unknown> = {}) {
    super('MODEL_FILE_INVALID', `model file ${path} is not a usable whisper.cpp model: ${problem}`, {
      hint: `pass a complete whisper.cpp ggml model file (download it again if it was cut short), or a registry name such as base, fetched with ${pullFix('base')}`,
      details: { path, problem, ...details },
    });
  }
}

/** A caller-supplied registry, mirror URL or cache folder is not usable. */
export class ModelConfigInvalidError extends BollyxError {
  constructor(message: string, hint: string, details: Record<string, unknown>) {
    super('MODEL_CONFIG_INVALID', message, { hint, details });
  }
}

/** A pull or verify was cancelled through its AbortSignal; a partial download is kept and resumes next time. */
export class ModelCancelledError extends BollyxError {
  constructor(model: string, operation: 'pull' | 'verify', cause: unknown, partialPath?: string) {
    const kept = partialPath === undefined ? '' : `; the partial download ${partialPath} is kept`;
    super('CANCELLED', `${operation} of model ${model} was cancelled${kept}`, {
      hint: operation === 'pull' ? `rerun \`bollyx models pull ${model}\` to resume it` : `rerun \`bollyx models verify ${model}\``,
      cause,
      details: { model, operation, ...(partialPath === undefined ? {} : { partialPath }) },
    });
  }
}

function describeCause(error: Error): string {
  const inner = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${inner}`;
}
