import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { PipelineCancelledError, PipelineDefinitionError } from './errors';
import type { PipelineEvent, PipelineSummary } from './events';
import { acquireJobLock } from './job-lock';
import { jobLayout } from './job-layout';
import { PipelineRun } from './pipeline-run';
import { planPipeline } from './pipeline-plan';
import type { StageDefinition } from './stage-definition';

const runSettingsSchema = z.object({
  /** The job folder: outputs are relative to it; logs/ and manifests/ are kept in it. */
  jobDir: z.string().min(1),
  /** How many independent stages may run at once; default: the number of CPUs. */
  concurrency: z.number().int().positive().optional(),
  /** Run every stage, cached or not. */
  force: z.boolean().optional(),
  /** Run this stage and all that depend on it, cached or not; the others are reused when cached. */
  from: z.string().optional(),
  /** Run just this stage; the stages it needs must already be cached. */
  only: z.string().optional(),
  /**
   * Run just these stages (a segment of the pipeline, as one machine of several runs it), reusing those
   * cached. Each stage they need from outside the segment is trusted from its manifest: only its outputs are
   * checked (size and sha256), its inputs are not read, so the movie need not be on this machine.
   */
  segment: z.array(z.string()).optional(),
  /** A lock held by another machine whose heartbeat is older than this is taken over; default 120000 (2 minutes). */
  lockStaleMs: z.number().int().positive().optional(),
  /** Time between SIGTERM and SIGKILL when a stage is cancelled or times out; default 5000. */
  killGraceMs: z.number().int().nonnegative().optional(),
  /** Re-read every file to check it instead of trusting unchanged size, mtime and inode. */
  rehash: z.boolean().optional(),
});

export type RunPipelineOptions = z.input<typeof runSettingsSchema> & {
  signal?: AbortSignal;
  /** Called for every event, in order; it should not throw (a throw stops the run and is rethrown). */
  onEvent?: (event: PipelineEvent) => void;
  /** The Python interpreter of a named environment; needed when a stage uses the python executor. */
  resolveInterpreter?: (environmentName: string) => Promise<string>;
};

/**
 * Runs the stages in dependency order, up to `concurrency` at once, reusing every stage whose cache key
 * and outputs are unchanged. Resolves with the summary when every selected stage ran or was reused;
 * throws PipelineFailedError (with the summary) when a stage failed, PipelineCancelledError when
 * `signal` aborted, PipelineDefinitionError for a bad stage list and PipelineLockedError when another
 * run holds the job folder (another machine's: while its heartbeat is fresher than `lockStaleMs`).
 */
export async function runPipeline(stages: readonly StageDefinition[], options: RunPipelineOptions): Promise<PipelineSummary> {
  const parsed = runSettingsSchema.safeParse(options);
  if (!parsed.success) {
    throw new PipelineDefinitionError(
      `Invalid pipeline options: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      'Fix the options passed to runPipeline',
    );
  }
  const settings = parsed.data;
  const plan = planPipeline(stages, settings);
  const pythonStage = plan.order.find((stage) => stage.run.kind === 'python' && !['skip', 'trusted'].includes(plan.modes.get(stage.id)!));
  if (pythonStage !== undefined && options.resolveInterpreter === undefined) {
    throw new PipelineDefinitionError(
      `Stage ${pythonStage.id} runs Python, but no resolveInterpreter was given`,
      'Pass resolveInterpreter (from @bollyx/environment-manager) to runPipeline',
    );
  }
  if (options.signal?.aborted) throw new PipelineCancelledError();

  const jobDir = resolve(settings.jobDir);
  const layout = jobLayout(jobDir);
  await mkdir(layout.logsDir, { recursive: true });
  await mkdir(layout.manifestsDir, { recursive: true });
  // Lower-case letters and digits only: partial output names are matched on this alphabet.
  const runId = `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
  const release = await acquireJobLock(layout.lockPath, runId, settings.lockStaleMs);
  try {
    return await new PipelineRun(plan, {
      jobDir,
      layout,
      runId,
      concurrency: settings.concurrency ?? availableParallelism(),
      killGraceMs: settings.killGraceMs ?? 5000,
      rehash: settings.rehash ?? false,
      only: settings.only,
      signal: options.signal,
      onEvent: options.onEvent,
      resolveInterpreter: options.resolveInterpreter,
    }).execute();
  } finally {
    await release();
  }
}
