import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { findExecutable } from '../find-executable';
import { parseCmakeProgress } from './cmake-progress';
import type { EngineBuildProgress } from './engine-build-progress';
import { EngineToolMissingError } from './engine-errors';
import type { WhisperEnginePlan } from './plan-whisper-engine';
import { runBuildStep } from './run-build-step';

type Env = Readonly<Record<string, string | undefined>>;

export interface CompileOptions {
  /** The build folder: the wrapper project, the CMake folder (kept, so a rebuild resumes) and the log. */
  buildDir: string;
  /** Default: `process.env`. */
  env?: Env;
  /** Parallel compile jobs. Default: every core. */
  jobs?: number;
  signal?: AbortSignal;
  onProgress?: (event: EngineBuildProgress) => void;
}

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

/**
 * Configures `plan`'s source with its flags and builds the whisper-cli target (and the libraries it
 * loads), logging to `bollyx-build.log` in the build folder. Returns CMake's output folder, where
 * whisper-cli and any shared libraries are.
 */
export async function compileWhisperCli(plan: WhisperEnginePlan, options: CompileOptions): Promise<string> {
  const { buildDir } = options;
  const env = options.env ?? process.env;
  const report = (phase: EngineBuildProgress['phase'], percent: number, message: string) =>
    options.onProgress?.({ phase, percent, message });
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
  return path.join(cmakeDir, 'bin');
}
