import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { FileSystemError, fileSystemError, isBollyxError } from '@bollyx/errors';
import { looksLikeDeviceError, type Device } from './device';
import {
  PipelineCancelledError,
  PipelineFailedError,
  StageInputMissingError,
  StageNotCachedError,
  StageOutputMissingError,
  StageOutputUndeclaredError,
  StageTimeoutError,
  TrustedOutputMismatchError,
} from './errors';
import type { ErrorInfo, PipelineEvent, PipelineSummary, StageResult } from './events';
import type { StageContext } from './executors/executor';
import { runExecutor } from './executors/run-executor';
import { FileHasher } from './file-hasher';
import type { JobLayout } from './job-layout';
import { openLineLog, type LineLog } from './line-log';
import { readManifest, writeManifest, type Manifest } from './manifest';
import { partialPath, removeStalePartials } from './partial-outputs';
import type { PipelinePlan } from './pipeline-plan';
import type { Stage } from './stage-definition';
import { stageFailure } from './stage-failure';
import { stageKey } from './stage-key';

export interface PipelineRunSettings {
  jobDir: string;
  layout: JobLayout;
  runId: string;
  concurrency: number;
  killGraceMs: number;
  rehash: boolean;
  only: string | undefined;
  signal: AbortSignal | undefined;
  onEvent: ((event: PipelineEvent) => void) | undefined;
  resolveInterpreter: ((environmentName: string) => Promise<string>) | undefined;
}

type EventWithoutTime = PipelineEvent extends infer E ? (E extends PipelineEvent ? Omit<E, 'at'> : never) : never;

interface HashedInput {
  path: string;
  absolute: string;
  size: number;
  sha256: string;
}

type Attempt = Manifest['attempts'][number];

/** How many of an attempt's last log lines the device-error classifier sees. */
const FAILURE_TAIL_LINES = 50;

function errorInfo(error: unknown): ErrorInfo {
  const typed = isBollyxError(error) ? error : fileSystemError(error);
  if (typed !== undefined) return typed.toJSON();
  return { name: error instanceof Error ? error.name : 'Error', code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) };
}

/** Ends a log, as a typed error when the file system refused its lines (a full disk). */
async function closeLog(log: LineLog, path: string): Promise<void> {
  await log.close().catch((error: unknown) => {
    throw fileSystemError(error, { path }) ?? error;
  });
}

/** One run of a planned pipeline, holding the job lock. */
export class PipelineRun {
  private readonly results = new Map<string, StageResult>();
  /** The manifests of the stages that ran or were reused this run: what their dependents read. */
  private readonly manifests = new Map<string, Manifest>();
  /** Aborted by the caller's signal (reason: PipelineCancelledError) or by a throwing onEvent (reason: its error). */
  private readonly controller = new AbortController();
  private readonly began = performance.now();
  private listenerBroken = false;
  private pipelineLog: LineLog | undefined;
  private hasher: FileHasher | undefined;

  constructor(
    private readonly plan: PipelinePlan,
    private readonly settings: PipelineRunSettings,
  ) {}

  async execute(): Promise<PipelineSummary> {
    const { layout, signal } = this.settings;
    const onAbort = () => this.controller.abort(new PipelineCancelledError());
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    const log = openLineLog(layout.pipelineLogPath, 'a');
    this.pipelineLog = log;
    let summary: PipelineSummary;
    try {
      summary = await this.runAll();
    } catch (error) {
      // On a full disk the log fails too: the failure the run reports is the one to keep.
      await log.close().catch(() => undefined);
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    await closeLog(log, layout.pipelineLogPath);
    return summary;
  }

  /** The run itself, between opening and closing the pipeline log. */
  private async runAll(): Promise<PipelineSummary> {
    const { layout } = this.settings;
    this.emit({
      type: 'pipeline-start',
      runId: this.settings.runId,
      jobDir: this.settings.jobDir,
      stages: this.plan.order.map((stage) => stage.id),
      concurrency: this.settings.concurrency,
    });
    for (const stage of this.plan.order) {
      if (this.plan.modes.get(stage.id) === 'skip') this.skip(stage.id, 'not-selected');
    }
    await removeStalePartials(this.plan.order.flatMap((stage) => stage.outputs.map((output) => resolve(this.settings.jobDir, output))));
    this.hasher = await FileHasher.load(layout.hashCachePath, { rehash: this.settings.rehash });
    await this.schedule();
    await this.hasher.save();

    const summary = this.summary();
    this.emit({ type: 'pipeline-done', summary });
    if (this.controller.signal.aborted) {
      const reason: unknown = this.controller.signal.reason;
      throw reason instanceof PipelineCancelledError ? new PipelineCancelledError(summary) : reason;
    }
    if (summary.status === 'failed') throw new PipelineFailedError(summary);
    return summary;
  }

  private emit(event: EventWithoutTime): void {
    const stamped = { ...event, at: new Date().toISOString() } as PipelineEvent;
    // Stage output lines live in the stage's own log file.
    if (stamped.type !== 'stage-log') this.pipelineLog?.write(JSON.stringify(stamped));
    if (this.settings.onEvent === undefined || this.listenerBroken) return;
    try {
      this.settings.onEvent(stamped);
    } catch (error) {
      this.listenerBroken = true;
      this.controller.abort(error);
    }
  }

  private skip(stageId: string, reason: 'not-selected' | 'cancelled' | 'dependency-failed', dependency?: string): void {
    this.results.set(stageId, {
      id: stageId,
      status: 'skipped',
      durationMs: 0,
      reason,
      ...(dependency === undefined ? {} : { dependency }),
    });
    this.emit({ type: 'stage-skipped', stageId, reason, ...(dependency === undefined ? {} : { dependency }) });
  }

  private summary(): PipelineSummary {
    const stages = this.plan.order.flatMap((stage) => this.results.get(stage.id) ?? []);
    const status = this.controller.signal.aborted
      ? 'cancelled'
      : stages.some((stage) => stage.status === 'failed')
        ? 'failed'
        : 'succeeded';
    return {
      runId: this.settings.runId,
      jobDir: this.settings.jobDir,
      status,
      durationMs: performance.now() - this.began,
      stages,
    };
  }

  /** Starts every stage whose needs are done, up to the concurrency limit, until none is left. */
  private async schedule(): Promise<void> {
    const pending = this.plan.order.filter((stage) => !this.results.has(stage.id));
    const running = new Map<string, Promise<void>>();
    while (pending.length > 0 || running.size > 0) {
      if (this.controller.signal.aborted) {
        for (const stage of pending.splice(0)) this.skip(stage.id, 'cancelled');
      }
      for (let index = 0; index < pending.length && running.size < this.settings.concurrency; ) {
        const stage = pending[index]!;
        // A trusted stage is read from its manifest: it waits for nothing (its own needs are not part of the run).
        if (this.plan.modes.get(stage.id) !== 'trusted' && !stage.needs.every((need) => this.manifests.has(need))) {
          index += 1;
          continue;
        }
        pending.splice(index, 1);
        const done = this.processStage(stage).then((result) => {
          running.delete(stage.id);
          this.results.set(stage.id, result);
          if (result.manifest) this.manifests.set(stage.id, result.manifest);
          if (result.status === 'failed') this.skipDependents(stage.id, pending);
        });
        running.set(stage.id, done);
      }
      if (running.size === 0) break;
      await Promise.race(running.values());
    }
  }

  private skipDependents(failedId: string, pending: Stage[]): void {
    const queue = [...(this.plan.dependents.get(failedId) ?? [])];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const index = pending.findIndex((stage) => stage.id === id);
      if (index === -1) continue;
      pending.splice(index, 1);
      this.skip(id, 'dependency-failed', failedId);
      queue.push(...(this.plan.dependents.get(id) ?? []));
    }
  }

  /** Reuses or runs one stage; never throws: a failure becomes a `failed` result. */
  private async processStage(stage: Stage): Promise<StageResult> {
    const began = performance.now();
    const signal = this.controller.signal;
    const mode = this.plan.modes.get(stage.id);
    const attempted: { device?: Device } = {};
    try {
      if (mode === 'trusted') {
        const trusted = await this.trustedManifest(stage, signal);
        const durationMs = performance.now() - began;
        this.emit({ type: 'stage-done', stageId: stage.id, status: 'cached', durationMs, device: trusted.device });
        return { id: stage.id, status: 'cached', durationMs, manifest: trusted };
      }
      const inputs = await this.hashInputs(stage, signal);
      const needed = stage.needs.map((id) => this.manifests.get(id)!);
      const key = stageKey(
        stage,
        inputs.map((input) => input.sha256),
        needed,
      );
      if (mode !== 'force') {
        const cached = await this.intactManifest(stage, key, signal);
        if (cached !== undefined) {
          const durationMs = performance.now() - began;
          this.emit({ type: 'stage-done', stageId: stage.id, status: 'cached', durationMs, device: cached.device });
          return { id: stage.id, status: 'cached', durationMs, manifest: cached };
        }
        if (mode === 'cache-only') throw new StageNotCachedError(stage.id, this.settings.only ?? stage.id);
      }
      const manifest = await this.runAttempts(stage, key, inputs, needed, attempted);
      const durationMs = performance.now() - began;
      this.emit({ type: 'stage-done', stageId: stage.id, status: 'ran', durationMs, device: manifest.device });
      return { id: stage.id, status: 'ran', durationMs, device: manifest.device, manifest };
    } catch (error) {
      const durationMs = performance.now() - began;
      // Interrupted by cancellation: report that, not whatever the stopped stage said while dying.
      const info = errorInfo(signal.aborted ? signal.reason : error);
      this.emit({ type: 'stage-failed', stageId: stage.id, durationMs, error: info });
      return { id: stage.id, status: 'failed', durationMs, ...(attempted.device ? { device: attempted.device } : {}), error: info };
    }
  }

  private hashInputs(stage: Stage, signal: AbortSignal): Promise<HashedInput[]> {
    return Promise.all(
      stage.inputs.map(async (path) => {
        const absolute = resolve(this.settings.jobDir, path);
        try {
          return { path, absolute, ...(await this.hasher!.digest(absolute, signal)) };
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT' || code === 'ENOTDIR') throw new StageInputMissingError(stage.id, absolute, 'missing');
          if (code === 'EISDIR') throw new StageInputMissingError(stage.id, absolute, 'not-a-file');
          throw error;
        }
      }),
    );
  }

  /** The stage's manifest when it proves a finished result for `key`: every output present, same size and sha256. */
  private async intactManifest(stage: Stage, key: string, signal: AbortSignal): Promise<Manifest | undefined> {
    const manifest = await readManifest(this.settings.layout.manifestPath(stage.id));
    if (manifest === undefined || manifest.key !== key) return undefined;
    for (const output of manifest.outputs) {
      const absolute = resolve(this.settings.jobDir, output.path);
      const info = await stat(absolute).catch(() => undefined);
      // The size check first: a truncated or replaced file is caught without reading it.
      if (!info?.isFile() || info.size !== output.size) return undefined;
      if ((await this.hasher!.digest(absolute, signal)).sha256 !== output.sha256) return undefined;
    }
    return manifest;
  }

  /**
   * The manifest of a stage a segment needs, trusted without its inputs (which may be on another machine):
   * only the outputs it vouches for are checked, size first, then sha256 (through this host's hash cache).
   */
  private async trustedManifest(stage: Stage, signal: AbortSignal): Promise<Manifest> {
    const manifest = await readManifest(this.settings.layout.manifestPath(stage.id));
    if (manifest === undefined) {
      const neededBy = (this.plan.dependents.get(stage.id) ?? []).find((id) => !['skip', 'trusted'].includes(this.plan.modes.get(id)!));
      throw new StageNotCachedError(stage.id, neededBy ?? stage.id, 'segment');
    }
    for (const output of manifest.outputs) {
      const path = resolve(this.settings.jobDir, output.path);
      const info = await stat(path).catch(() => undefined);
      const facts = { output: output.path, path };
      if (!info?.isFile()) throw new TrustedOutputMismatchError(stage.id, { ...facts, problem: 'missing', expected: `${output.size} bytes` });
      if (info.size !== output.size) {
        throw new TrustedOutputMismatchError(stage.id, { ...facts, problem: 'size', expected: String(output.size), actual: String(info.size) });
      }
      const { sha256 } = await this.hasher!.digest(path, signal);
      if (sha256 !== output.sha256) {
        throw new TrustedOutputMismatchError(stage.id, { ...facts, problem: 'sha256', expected: output.sha256, actual: sha256 });
      }
    }
    return manifest;
  }

  /** Runs the stage on its preferred device, then on each fallback after a device error. */
  private async runAttempts(
    stage: Stage,
    key: string,
    inputs: readonly HashedInput[],
    needed: readonly Manifest[],
    attempted: { device?: Device },
  ): Promise<Manifest> {
    const { layout, jobDir } = this.settings;
    // Whatever this run writes, an earlier manifest must not vouch for it.
    await rm(layout.manifestPath(stage.id), { force: true });
    const devices = [...new Set([stage.device.preferred, ...stage.device.fallback])];
    const finals = stage.outputs.map((output) => resolve(jobDir, output));
    const startedAt = new Date();
    const attempts: Attempt[] = [];
    // Each pass returns, throws, or moves on to a next device that exists: the loop ends by itself.
    for (let index = 0; ; index += 1) {
      const device = devices[index]!;
      attempted.device = device;
      const attemptBegan = performance.now();
      try {
        const metrics: Record<string, number> = {};
        const exitCode = await this.attempt(stage, device, index, finals, inputs, needed, metrics);
        attempts.push({ device, status: 'succeeded', durationMs: performance.now() - attemptBegan });
        return await this.commit(stage, { key, inputs, needed, finals, startedAt, attempts, device, exitCode, metrics });
      } catch (failure) {
        if (!(failure instanceof FailedAttempt)) throw failure;
        const { code, message } = errorInfo(failure.error);
        attempts.push({ device, status: 'failed', durationMs: performance.now() - attemptBegan, error: { code, message } });
        const next = devices[index + 1];
        const isDeviceError =
          stage.run.isDeviceError ?? ((facts) => looksLikeDeviceError(`${facts.message}\n${facts.output}`));
        const retry =
          next !== undefined &&
          device !== 'cpu' &&
          !this.controller.signal.aborted &&
          !(failure.error instanceof StageTimeoutError) &&
          isDeviceError({ device, message, output: failure.tail });
        if (!retry) throw failure.error;
        this.emit({ type: 'stage-retry', stageId: stage.id, fromDevice: device, toDevice: next, reason: message });
      }
    }
  }

  /**
   * Moves a succeeded attempt's outputs into place and writes the manifest that vouches for them. Nothing
   * stays under a final name unless its manifest was written: a failure here (a full disk) takes them back.
   */
  private async commit(
    stage: Stage,
    attempt: {
      key: string;
      inputs: readonly HashedInput[];
      needed: readonly Manifest[];
      finals: readonly string[];
      startedAt: Date;
      attempts: Attempt[];
      device: Device;
      exitCode: number | null;
      metrics: Record<string, number>;
    },
  ): Promise<Manifest> {
    const { key, inputs, needed, finals, startedAt, attempts, device, exitCode, metrics } = attempt;
    const { layout } = this.settings;
    try {
      for (const final of finals) await rename(partialPath(final, this.settings.runId), final);
      const outputs = [];
      for (const [position, final] of finals.entries()) {
        const digest = await this.hasher!.digest(final, this.controller.signal);
        outputs.push({ path: stage.outputs[position]!, ...digest });
      }
      const endedAt = new Date();
      const manifest: Manifest = {
        schemaVersion: 1,
        stageId: stage.id,
        stageVersion: stage.version,
        key,
        runId: this.settings.runId,
        params: stage.params,
        inputs: inputs.map(({ path, size, sha256 }) => ({ path, size, sha256 })),
        needs: needed.map((manifest) => ({ stageId: manifest.stageId, key: manifest.key })),
        outputs,
        startedAt: startedAt.toISOString(),
        endedAt: endedAt.toISOString(),
        durationMs: endedAt.getTime() - startedAt.getTime(),
        device,
        executor: stage.run.kind,
        backend: stage.backend ?? stage.run.kind,
        toolVersions: { node: process.versions.node, ...stage.toolVersions },
        ...(stage.environment === undefined ? {} : { environment: stage.environment }),
        attempts,
        exitCode,
        ...(Object.keys(metrics).length === 0 ? {} : { metrics }),
      };
      await writeManifest(layout.manifestPath(stage.id), manifest);
      // Not only at the end: a crash later in the run then keeps the hashes of big inputs and outputs.
      await this.hasher!.saveIfCostly();
      return manifest;
    } catch (error) {
      const written = [layout.manifestPath(stage.id), ...finals, ...finals.map((final) => partialPath(final, this.settings.runId))];
      await Promise.all(written.map((file) => rm(file, { force: true })));
      throw stageFailure(error, '', this.settings.jobDir);
    }
  }

  /**
   * One attempt on one device: the executor writes to partial paths; on failure they are deleted and an
   * FailedAttempt carries the error and the attempt's last log lines.
   */
  private async attempt(
    stage: Stage,
    device: Device,
    index: number,
    finals: readonly string[],
    inputs: readonly HashedInput[],
    needed: readonly Manifest[],
    metrics: Record<string, number>,
  ): Promise<number | null> {
    const { layout, runId, jobDir } = this.settings;
    const temps = finals.map((final) => partialPath(final, runId));
    for (const dir of new Set(temps.map((temp) => dirname(temp)))) await mkdir(dir, { recursive: true });

    const logPath = layout.stageLogPath(stage.id);
    // The first attempt of a run starts the stage's log afresh; fallback attempts add to it.
    const log = openLineLog(logPath, index === 0 ? 'w' : 'a');
    const tail: string[] = [];
    let over = false;
    const logLine = (line: string) => {
      if (over) return;
      log.write(line);
      tail.push(line);
      if (tail.length > FAILURE_TAIL_LINES) tail.shift();
      this.emit({ type: 'stage-log', stageId: stage.id, line });
    };

    const attemptController = new AbortController();
    const onPipelineAbort = () => attemptController.abort(this.controller.signal.reason);
    if (this.controller.signal.aborted) onPipelineAbort();
    else this.controller.signal.addEventListener('abort', onPipelineAbort, { once: true });
    const { timeoutMs } = stage;
    const timer =
      timeoutMs === undefined ? undefined : setTimeout(() => attemptController.abort(new StageTimeoutError(stage.id, timeoutMs)), timeoutMs);

    const ctx: StageContext = {
      stageId: stage.id,
      runId,
      jobDir,
      params: stage.params,
      device,
      inputs: inputs.map((input) => input.absolute),
      outputs: temps,
      needs: Object.fromEntries(
        needed.map((manifest) => [manifest.stageId, manifest.outputs.map((output) => resolve(jobDir, output.path))]),
      ),
      signal: attemptController.signal,
      output: (declared) => {
        const position = stage.outputs.indexOf(declared);
        if (position === -1) throw new StageOutputUndeclaredError(stage.id, declared, stage.outputs);
        return temps[position]!;
      },
      progress: (fraction, message) => {
        if (over || !Number.isFinite(fraction)) return;
        this.emit({
          type: 'stage-progress',
          stageId: stage.id,
          fraction: Math.min(1, Math.max(0, fraction)),
          ...(message === undefined ? {} : { message }),
        });
      },
      log: logLine,
      metrics: (values) => {
        for (const [name, value] of Object.entries(values)) metrics[name] = (metrics[name] ?? 0) + value;
      },
    };

    this.emit({ type: 'stage-start', stageId: stage.id, device, attempt: index + 1 });
    logLine(`# ${stage.id} ${stage.version}: run ${runId}, attempt ${index + 1} on ${device}, ${new Date().toISOString()}`);
    let exitCode: number | null;
    try {
      exitCode = await runExecutor(stage.run, ctx, {
        killGraceMs: this.settings.killGraceMs,
        logPath,
        resolveInterpreter: () => this.settings.resolveInterpreter!(stage.environment!.name),
      });
      for (const [position, temp] of temps.entries()) {
        const info = await stat(temp).catch(() => undefined);
        if (!info?.isFile()) throw new StageOutputMissingError(stage.id, stage.outputs[position]!, temp);
      }
      await stage.run.checkOutputs?.(ctx);
      // A log that cannot be written (a full disk) fails the attempt: what the stage wrote may be cut too.
      over = true;
      await closeLog(log, logPath);
    } catch (error) {
      const failure: unknown = attemptController.signal.aborted
        ? attemptController.signal.reason
        : explainedFailure(stage.run, stageFailure(error, tail.join('\n'), jobDir), { device, output: tail.join('\n') });
      logLine(`# failed: ${failure instanceof Error ? failure.message : String(failure)}`);
      await Promise.all(temps.map((temp) => rm(temp, { force: true })));
      // On a full disk the log fails too: the attempt's own failure is the one to report.
      over = true;
      await log.close().catch(() => undefined);
      throw new FailedAttempt(failure, tail.join('\n'));
    } finally {
      over = true;
      clearTimeout(timer);
      this.controller.signal.removeEventListener('abort', onPipelineAbort);
    }
    return exitCode;
  }
}

/** The executor's own explanation of a failed attempt, where it has one; a full disk stays a full disk. */
function explainedFailure(run: Stage['run'], failure: unknown, facts: { device: Device; output: string }): unknown {
  if (failure instanceof FileSystemError || run.explainFailure === undefined) return failure;
  const message = failure instanceof Error ? failure.message : String(failure);
  const explained = run.explainFailure({ device: facts.device, message, output: facts.output });
  if (explained !== undefined && explained.cause === undefined) explained.cause = failure;
  return explained ?? failure;
}

/** Internal: an attempt's error plus the log lines that led to it. */
class FailedAttempt {
  constructor(
    readonly error: unknown,
    readonly tail: string,
  ) {}
}
