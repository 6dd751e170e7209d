import { BollyxError } from '@bollyx/errors';
import type { PipelineSummary } from './events';

/** The stage list cannot form a pipeline: a bad definition, an unknown stage, a cycle, a clash. */
export class PipelineDefinitionError extends BollyxError {
  constructor(message: string, hint: string, details?: Record<string, unknown>) {
    super('PIPELINE_INVALID', message, { hint, details });
  }
}

interface JobLockHolder {
  pid: number;
  hostname: string;
  runId: string;
  startedAt: string;
}

/** Another live runner holds the job folder. */
export class PipelineLockedError extends BollyxError {
  constructor(lockPath: string, holder: JobLockHolder) {
    super('PIPELINE_LOCKED', `Another bollyx run (pid ${holder.pid} on ${holder.hostname}) is using this job`, {
      hint: `Wait for pid ${holder.pid} to finish, or delete ${lockPath} if no bollyx run uses this job any more`,
      details: { lockPath, ...holder },
    });
  }
}

/**
 * At least one stage failed; its dependents were skipped, independent stages still ran. The code and hint
 * are the first failed stage's own (`MUX_FAILED`, `DISK_FULL`, …), so callers tell the causes apart;
 * PIPELINE_FAILED only where a stage failed without a code.
 */
export class PipelineFailedError extends BollyxError {
  readonly summary: PipelineSummary;

  constructor(summary: PipelineSummary) {
    const failed = summary.stages.filter((stage) => stage.status === 'failed');
    const first = failed[0];
    const reason = first?.error ? `: ${first.error.message}` : '';
    const log = `${summary.jobDir}/logs/${first?.id ?? '<stage>'}.log`;
    const rerun = 'run again: finished stages are reused';
    super(first?.error?.code ?? 'PIPELINE_FAILED', `Stage ${failed.map((stage) => stage.id).join(', ')} failed${reason}`, {
      hint: first?.error?.hint ? `${first.error.hint}; then ${rerun} (log: ${log})` : `Read ${log}, fix the cause and ${rerun}`,
      details: { summary },
    });
    this.summary = summary;
  }
}

/** The run was aborted through its AbortSignal; running stages were stopped and their partial outputs removed. */
export class PipelineCancelledError extends BollyxError {
  readonly summary: PipelineSummary | undefined;

  constructor(summary?: PipelineSummary) {
    super('CANCELLED', 'The pipeline was cancelled', {
      hint: 'Run the same command again: finished stages are reused',
      ...(summary === undefined ? {} : { details: { summary } }),
    });
    this.summary = summary;
  }
}

/** A stage's subprocess could not start or exited with a failure. */
export class StageCommandFailedError extends BollyxError {
  constructor(
    stageId: string,
    facts: { command: string; exitCode?: number; signal?: string; lastLine?: string; logPath: string },
    cause?: unknown,
  ) {
    const how =
      facts.exitCode !== undefined
        ? `exited with code ${facts.exitCode}`
        : facts.signal !== undefined
          ? `was killed by ${facts.signal}`
          : 'could not start';
    super('STAGE_COMMAND_FAILED', `Stage ${stageId}: ${facts.command} ${how}${facts.lastLine ? `: ${facts.lastLine}` : ''}`, {
      hint: `Read ${facts.logPath}`,
      details: { stageId, ...facts },
      cause,
    });
  }
}

/** An in-process stage threw something that is not a BollyxError. */
export class StageCrashedError extends BollyxError {
  constructor(stageId: string, logPath: string, cause: unknown) {
    super('STAGE_CRASHED', `Stage ${stageId} threw: ${cause instanceof Error ? cause.message : String(cause)}`, {
      hint: `Read ${logPath}; the stack is in the error's cause`,
      details: { stageId },
      cause,
    });
  }
}

export class StageTimeoutError extends BollyxError {
  constructor(stageId: string, timeoutMs: number) {
    super('STAGE_TIMEOUT', `Stage ${stageId} did not finish within ${timeoutMs} ms and was stopped`, {
      hint: `Raise the timeoutMs of stage ${stageId}, or find out why it hangs in its log`,
      details: { stageId, timeoutMs },
    });
  }
}

export class StageInputMissingError extends BollyxError {
  constructor(stageId: string, inputPath: string, problem: 'missing' | 'not-a-file') {
    super(
      'STAGE_INPUT_MISSING',
      problem === 'missing'
        ? `Stage ${stageId} needs the input file ${inputPath}, which does not exist`
        : `Stage ${stageId} lists ${inputPath} as an input file, but it is not a file`,
      {
        hint: 'Fix the path, or list the stage that produces the file in needs',
        details: { stageId, inputPath },
      },
    );
  }
}

export class StageOutputMissingError extends BollyxError {
  constructor(stageId: string, declaredOutput: string, tempPath: string) {
    super('STAGE_OUTPUT_MISSING', `Stage ${stageId} finished without writing its declared output ${declaredOutput}`, {
      hint: `Make stage ${stageId} write each declared output as a file at ctx.output('${declaredOutput}')`,
      details: { stageId, declaredOutput, tempPath },
    });
  }
}

/** A stage's tool succeeded but what it wrote is not whole (a cut JSON file). */
export class StageOutputInvalidError extends BollyxError {
  constructor(stageId: string, declaredOutput: string, reason: string) {
    super('STAGE_OUTPUT_INVALID', `Stage ${stageId} wrote an unusable ${declaredOutput}: ${reason}`, {
      hint: `Read the stage's log; run again to redo stage ${stageId}`,
      details: { stageId, declaredOutput, reason },
    });
  }
}

/** A stage asked for a temp path of an output it did not declare. */
export class StageOutputUndeclaredError extends BollyxError {
  constructor(stageId: string, requested: string, declared: readonly string[]) {
    super('STAGE_OUTPUT_UNDECLARED', `Stage ${stageId} has no declared output ${requested}`, {
      hint: `Add '${requested}' to the outputs of stage ${stageId}, or use one of: ${declared.join(', ') || '(none)'}`,
      details: { stageId, requested, declared },
    });
  }
}

/** `only` was asked for, but a stage it needs has no finished, intact result to reuse. */
export class StageNotCachedError extends BollyxError {
  constructor(stageId: string, onlyStageId: string) {
    super('STAGE_NOT_CACHED', `Stage ${stageId}, needed by ${onlyStageId}, has no finished result to reuse`, {
      hint: `Run the pipeline without only: ${onlyStageId} first (or with from: ${stageId})`,
      details: { stageId, onlyStageId },
    });
  }
}

/** A host path that `--volume` cannot carry: its `:` separates the fields of the flag. */
export class ContainerMountPathError extends BollyxError {
  constructor(hostPath: string) {
    super('CONTAINER_PATH_UNSUPPORTED', `Cannot mount ${hostPath} into a container: the path contains ':'`, {
      hint: 'Rename the file or folder (or link it) to a path without a colon',
      details: { hostPath },
    });
  }
}
