import path from 'node:path';
import { compileWhisperCli } from './compile-whisper-cli';
import type { CompileOptions } from './compile-whisper-cli';
import type { EngineOptions } from './engine-options';
import { enginesDir } from './engines-dir';
import { planPortableEngine } from './plan-whisper-engine';
import type { PrebuiltManifest } from './prebuilt-manifest';
import { writePrebuiltEngine } from './write-prebuilt-engine';

export interface BuildPortableEngineOptions
  extends Pick<EngineOptions, 'dir' | 'sourceDir' | 'env'>,
    Pick<CompileOptions, 'jobs' | 'signal' | 'onProgress'> {
  /** The platform package's bin/ folder to fill; what is in it is replaced. */
  binDir: string;
}

/**
 * Builds the portable CPU whisper-cli (`planPortableEngine`) from the pinned source, as the engine build
 * does (CMake folder `build-<key>/` in the engines folder, kept so a rebuild resumes), and lays it out in
 * `binDir` with its manifest. The release runs it on each platform it ships: it builds for this one, and
 * needs CMake, make and a C++ compiler.
 */
export async function buildPortableEngine(options: BuildPortableEngineOptions): Promise<PrebuiltManifest> {
  const plan = await planPortableEngine(options);
  const started = performance.now();
  const buildDir = path.join(enginesDir(options), `build-${plan.buildKey}`);
  const outputDir = await compileWhisperCli(plan, { ...options, buildDir });
  options.onProgress?.({ phase: 'install', percent: 100, message: `laying out whisper-cli in ${options.binDir}` });
  return writePrebuiltEngine(options.binDir, { plan, outputDir, buildSeconds: Math.round((performance.now() - started) / 100) / 10 });
}
