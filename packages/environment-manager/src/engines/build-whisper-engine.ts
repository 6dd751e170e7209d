import { createWriteStream } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isBollyxError } from '@bollyx/errors';
import writeFileAtomic from 'write-file-atomic';
import { withLockFolder } from '../lock-folder';
import { parseCmakeProgress } from './cmake-progress';
import { engineBinaryVersion } from './engine-binary-version';
import type { EngineBuildProgress } from './engine-build-progress';
import {
  EngineBinaryBrokenError,
  EngineBuildCancelledError,
  EngineToolMissingError,
} from './engine-errors';
import type { EngineOptions } from './engine-options';
import { EngineRecordSchema } from './engine-record';
import type { EngineRecord } from './engine-record';
import { enginesDir } from './engines-dir';
import { findExecutable } from '../find-executable';
import { ENGINE_RECORD_FILE, findPlannedEngine } from './find-whisper-engine';
import { planWhisperEngine } from './plan-whisper-engine';
import type { WhisperEnginePlan } from './plan-whisper-engine';
import { runBuildStep } from './run-build-step';

export interface BuildWhisperEngineOptions extends EngineOptions {
  /** Parallel compile jobs. Default: every core. */
  jobs?: number;
  /** Build even when a working engine for this machine is installed. */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (event: EngineBuildProgress) => void;
}

type Env = Readonly<Record<string, string | undefined>>;

/** CMake, make (the generator used) and a C++ compiler, or an error naming what is missing. */
async function requireBuildTools(env: Env): Promise<{ cmake: string }> {
  const [cmake, make, compilers] = await Promise.all([
    findExecutable('cmake', env),
    findExecutable('make', env),
    Promise.all([env.CXX, 'c++', 'g++', 'clang++'].filter((name) => name !== undefined).map((name) => findExecutable(name, env))),
  ]);
  const missing = [
    ...(cmake ? [] : ['cmake']),
    ...(make ? [] : ['make']),
    ...(compilers.some((found) => found !== null) ? [] : ['a C++ compiler (g++ or clang++)']),
  ];
  if (cmake === null || missing.length > 0) throw new EngineToolMissingError(missing);
  return { cmake };
}

// whisper.cpp configured as the top-level project writes into its own source folder (configure_file of
// bindings/javascript/package.json), which fails in a read-only install; as a subproject it does not.
const WRAPPER_PROJECT = `# Written by bollyx: builds whisper.cpp as a subproject, so its source folder is only read.
cmake_minimum_required(VERSION 3.14)
project(bollyx_whisper_cli C CXX)
set(BOLLYX_WHISPER_SOURCE "" CACHE PATH "The whisper.cpp source tree")
add_subdirectory("\${BOLLYX_WHISPER_SOURCE}" whisper.cpp)
`;

/** A build folder configured from another source path (the checkout moved) starts afresh, not mixing two trees. */
async function discardForeignBuildDir(buildDir: string, cmakeDir: string, sourceDir: string): Promise<void> {
  const cache = await readFile(path.join(cmakeDir, 'CMakeCache.txt'), 'utf8').catch(() => null);
  const configuredFrom = cache && /^BOLLYX_WHISPER_SOURCE:\w+=(.*)$/m.exec(cache)?.[1];
  if (configuredFrom && path.resolve(configuredFrom) !== path.resolve(sourceDir)) {
    await rm(buildDir, { recursive: true, force: true });
  }
}

async function compileAndInstall(
  root: string,
  plan: WhisperEnginePlan,
  options: BuildWhisperEngineOptions,
  buildDir: string,
): Promise<EngineRecord> {
  const env = options.env ?? process.env;
  const report = (phase: EngineBuildProgress['phase'], percent: number, message: string) =>
    options.onProgress?.({ phase, percent, message });
  const started = performance.now();
  const { cmake } = await requireBuildTools(env);

  const projectDir = path.join(buildDir, 'project');
  const cmakeDir = path.join(buildDir, 'cmake');
  await discardForeignBuildDir(buildDir, cmakeDir, plan.source.dir);
  await mkdir(projectDir, { recursive: true });
  await writeFileAtomic(path.join(projectDir, 'CMakeLists.txt'), WRAPPER_PROJECT);
  const logPath = path.join(buildDir, 'bollyx-build.log');
  const log = createWriteStream(logPath);
  const step = { buildDir, log, logPath, env, signal: options.signal };
  try {
    report('configure', 0, `configuring whisper.cpp ${plan.source.version} for ${plan.backend} (${plan.reason})`);
    await runBuildStep(
      cmake,
      ['-S', projectDir, '-B', cmakeDir, '-G', 'Unix Makefiles', `-DBOLLYX_WHISPER_SOURCE=${plan.source.dir}`, ...plan.flags],
      { ...step, step: 'configure' },
    );
    let lastPercent = -1;
    const jobs = options.jobs ?? os.availableParallelism();
    await runBuildStep(cmake, ['--build', cmakeDir, '--target', 'whisper-cli', '-j', String(jobs)], {
      ...step,
      step: 'compile',
      onLine: (line) => {
        const percent = parseCmakeProgress(line);
        // Parallel make jobs print their steps out of order: progress only ever moves forward.
        if (percent === null || percent <= lastPercent) return;
        lastPercent = percent;
        report('compile', percent, line.replace(/^\[\s*\d+%\]\s*/, ''));
      },
    });
  } finally {
    await new Promise((resolve) => log.end(resolve));
  }

  report('install', 100, 'installing whisper-cli');
  const installDir = path.join(root, plan.buildKey);
  const binary = path.join(installDir, 'bin', 'whisper-cli');
  const partial = `${binary}.partial`;
  await mkdir(path.dirname(binary), { recursive: true });
  let version: string;
  try {
    await copyFile(path.join(cmakeDir, 'bin', 'whisper-cli'), partial);
    await chmod(partial, 0o755);
    version = await engineBinaryVersion(partial).catch((error: unknown) => {
      throw new EngineBinaryBrokenError(partial, 'does not run', error);
    });
    if (version !== plan.source.version) {
      throw new EngineBinaryBrokenError(partial, `reports version ${version}, expected ${plan.source.version}`);
    }
    await rename(partial, binary);
  } catch (error) {
    // A binary that failed its check is not left beside the install.
    await rm(partial, { force: true });
    throw error;
  }

  const record = EngineRecordSchema.parse({
    name: 'whisper.cpp',
    version,
    binary,
    flags: plan.flags,
    backend: plan.backend,
    buildKey: plan.buildKey,
    platform: plan.platform,
    cpuModel: plan.cpuModel,
    source: plan.source.origin,
    builtAt: new Date().toISOString(),
    buildSeconds: Math.round((performance.now() - started) / 100) / 10,
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
