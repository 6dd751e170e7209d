import { chmod, copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { expectEngineBinaryVersion } from './engine-binary-version';
import { hashSourceTree } from './hash-source-tree';
import { plannedRecord } from './plan-whisper-engine';
import type { WhisperEnginePlan } from './plan-whisper-engine';
import { PrebuiltManifestSchema } from './prebuilt-manifest';
import type { PrebuiltManifest } from './prebuilt-manifest';
import { ENGINE_RECORD_FILE } from './read-engine-record';

const BINARY = process.platform === 'win32' ? 'whisper-cli.exe' : 'whisper-cli';
// whisper.cpp's MIT terms ask for its notice to go with copies of it.
const SOURCE_LICENSE = 'LICENSE';
const LICENSE_COPY = 'LICENSE-whisper.cpp';
// Shared libraries and ggml's CPU backend modules (`.so` for CMake modules on macOS too).
const LIBRARY = /\.(so|dylib|dll)$/;

export interface PrebuiltBuild {
  plan: WhisperEnginePlan;
  /** CMake's output folder: whisper-cli and the libraries it loads. */
  outputDir: string;
  buildSeconds: number;
}

/**
 * Lays out a platform package's bin/ (emptied first): whisper-cli and every library beside it in CMake's
 * output, checked to run and report the source's version, whisper.cpp's license, then `engine.json` (the
 * manifest), last.
 */
export async function writePrebuiltEngine(binDir: string, build: PrebuiltBuild): Promise<PrebuiltManifest> {
  const { plan, outputDir } = build;
  const files = [BINARY, ...(await readdir(outputDir)).filter((name) => LIBRARY.test(name)).sort()];
  await rm(binDir, { recursive: true, force: true });
  await mkdir(binDir, { recursive: true });
  // copyFile follows links: every library is a plain file, which is all npm packs.
  await Promise.all(files.map((file) => copyFile(path.join(outputDir, file), path.join(binDir, file))));
  await copyFile(path.join(plan.source.dir, SOURCE_LICENSE), path.join(binDir, LICENSE_COPY));
  await chmod(path.join(binDir, BINARY), 0o755);
  await expectEngineBinaryVersion(path.join(binDir, BINARY), plan.source.version);

  const manifest = PrebuiltManifestSchema.parse({
    ...plannedRecord(plan),
    binary: BINARY,
    files,
    sourceSha256: await hashSourceTree(plan.source.dir),
    builtAt: new Date().toISOString(),
    buildSeconds: build.buildSeconds,
  } satisfies PrebuiltManifest);
  await writeFileAtomic(path.join(binDir, ENGINE_RECORD_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
