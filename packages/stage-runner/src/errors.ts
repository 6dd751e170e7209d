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
  bootId?: string;
  runId: string;
  startedAt: string;
}

/** Another live runner holds the job folder (on another machine: one whose heartbeat is fresh). */
export class PipelineLockedError extends BollyxError {
  constructor(lockPath: string, holder: JobLockHolder, foreign?: { heartbeatAgeMs: number; staleMs: number }) {
    const who = `pid ${holder.pid} on ${holder.hostname}`;
    super('PIPELINE_LOCKED', `Another bollyx run (${who}) is using this job`, {
      hint:
        foreign === undefined
          ? `Wait for pid ${holder.pid} to finish, or delete ${lockPath} if no bollyx run uses this job any more`
          : `Wait for ${who} to finish; if that machine is gone, its lock is taken over once its heartbeat is ${Math.round(foreign.staleMs / 1000)} s old (now ${Math.round(foreign.heartbeatAgeMs / 1000)} s; runPipeline's lockStaleMs)`,
      details: { lockPath, ...holder, ...(foreign ?? {}) },
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

/** `only` or `segment` was asked for, but a stage it needs has no finished, intact result to reuse. */
export class StageNotCachedError extends BollyxError {
  constructor(stageId: string, neededBy: string, selection: 'only' | 'segment' = 'only') {
    super('STAGE_NOT_CACHED', `Stage ${stageId}, needed by ${neededBy}, has no finished result to reuse`, {
      hint:
        selection === 'only'
          ? `Run the pipeline without only: ${neededBy} first (or with from: ${stageId})`
          : `Run the segment with stage ${stageId} first, or copy its manifests/${stageId}.json and outputs into this job folder`,
      details: { stageId, neededBy, selection },
    });
  }
}

/**
 * A `segment` run trusts a needed stage's manifest, but an output it vouches for is missing or differs:
 * a copy between machines went wrong, or the file was changed after the stage wrote it.
 */
export class TrustedOutputMismatchError extends BollyxError {
  constructor(stageId: string, facts: { output: string; path: string; problem: 'missing' | 'size' | 'sha256'; expected: string; actual?: string }) {
    const what =
      facts.problem === 'missing' ? 'is missing' : `has ${facts.problem} ${facts.actual ?? '?'} where the manifest records ${facts.expected}`;
    super('TRUSTED_OUTPUT_MISMATCH', `Output ${facts.output} of stage ${stageId} ${what} (${facts.path})`, {
      hint: `Copy ${facts.output} of stage ${stageId} again from where it was made, or run stage ${stageId} again (a segment with it, or runPipeline without segment)`,
      details: { stageId, ...facts },
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
