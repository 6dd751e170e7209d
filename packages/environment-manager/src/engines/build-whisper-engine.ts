import { chmod, copyFile, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { isBollyxError } from '@bollyx/errors';
import writeFileAtomic from 'write-file-atomic';
import { withLockFolder } from '../lock-folder';
import { compileWhisperCli } from './compile-whisper-cli';
import type { CompileOptions } from './compile-whisper-cli';
import { expectEngineBinaryVersion } from './engine-binary-version';
import { EngineBuildCancelledError } from './engine-errors';
import type { EngineOptions } from './engine-options';
import { EngineRecordSchema } from './engine-record';
import type { EngineRecord } from './engine-record';
import { enginesDir } from './engines-dir';
import { findPlannedEngine } from './find-whisper-engine';
import { ENGINE_RECORD_FILE } from './read-engine-record';
import { plannedRecord, planWhisperEngine } from './plan-whisper-engine';
import type { WhisperEnginePlan } from './plan-whisper-engine';

export interface BuildWhisperEngineOptions extends EngineOptions, Pick<CompileOptions, 'jobs' | 'signal' | 'onProgress'> {
  /** Build even when a working engine for this machine is installed. */
  force?: boolean;
}

async function compileAndInstall(
  root: string,
  plan: WhisperEnginePlan,
  options: BuildWhisperEngineOptions,
  buildDir: string,
): Promise<EngineRecord> {
  const started = performance.now();
  const outputDir = await compileWhisperCli(plan, { ...options, buildDir });

  options.onProgress?.({ phase: 'install', percent: 100, message: 'installing whisper-cli' });
  const installDir = path.join(root, plan.buildKey);
  const binary = path.join(installDir, 'bin', 'whisper-cli');
  const partial = `${binary}.partial`;
  await mkdir(path.dirname(binary), { recursive: true });
  try {
    await copyFile(path.join(outputDir, 'whisper-cli'), partial);
    await chmod(partial, 0o755);
    await expectEngineBinaryVersion(partial, plan.source.version);
    await rename(partial, binary);
  } catch (error) {
    // A binary that failed its check is not left beside the install.
    await rm(partial, { force: true });
    throw error;
  }

  const record = EngineRecordSchema.parse({
    ...plannedRecord(plan),
    binary,
    builtAt: new Date().toISOString(),
    buildSeconds: Math.round((performance.now() - started) / 100) / 10,
    origin: 'built',
  } satisfies EngineRecord);
  // Written last: a record on disk always describes a complete, working install.
  await writeFileAtomic(path.join(installDir, ENGINE_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

/**
 * Builds whisper-cli for this machine from the pinned whisper.cpp source with CMake (native CPU flags,
 * CUDA with an NVIDIA GPU and nvcc, Metal on Apple Silicon) into the engines folder, and records it.
 * Returns the installed engine instead when it works, unless `force`. The CMake folder is kept, so a
 * rebuild or a cancelled build resumes; a lock keeps concurrent builds of one engine apart.
 */
export async function buildWhisperEngine(options: BuildWhisperEngineOptions = {}): Promise<EngineRecord> {
  const plan = await planWhisperEngine(options);
  const root = enginesDir(options);
  const buildDir = path.join(root, `build-${plan.buildKey}`);
  await mkdir(root, { recursive: true });
  const lockOptions = {
    signal: options.signal,
    onWait: (pid: number | undefined) =>
      options.onProgress?.({ phase: 'waiting', percent: 0, message: `waiting for another build of this engine (process ${pid ?? 'unknown'})` }),
  };
  try {
    return await withLockFolder(path.join(root, `${plan.buildKey}.lock`), lockOptions, async () => {
      const installed = options.force ? null : await findPlannedEngine(root, plan);
      return installed ?? compileAndInstall(root, plan, options, buildDir);
    });
  } catch (error) {
    // Aborting while waiting for the lock surfaces as a plain AbortError.
    if (options.signal?.aborted && !isBollyxError(error)) throw new EngineBuildCancelledError(buildDir, error);
    throw error;
  }
}
