import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { EngineOptions } from './engine-options';
import { EngineRecordSchema } from './engine-record';
import type { EngineRecord } from './engine-record';
import type { WhisperEnginePlan } from './plan-whisper-engine';
import { PrebuiltManifestSchema } from './prebuilt-manifest';
import { ENGINE_RECORD_FILE, readRecordFile } from './read-engine-record';
import type { InstalledEngine } from './read-engine-record';

/** The npm package holding the prebuilt whisper-cli for a platform: `@bollyx/whisper-cli-linux-x64`. */
export function prebuiltPackageName(platform: string = process.platform, arch: string = process.arch): string {
  return `@bollyx/whisper-cli-${platform}-${arch}`;
}

/** This platform's package folder as a module in `from` (default: this package) resolves it, or null. */
function resolvePrebuiltPackage(from: string | undefined): string | null {
  const require = createRequire(from === undefined ? import.meta.url : `${path.resolve(from)}${path.sep}`);
  try {
    return path.dirname(require.resolve(`${prebuiltPackageName()}/package.json`));
  } catch {
    return null;
  }
}

const exists = (file: string) => stat(file).then(() => true, () => false);

/**
 * This platform's prebuilt engine, read from its package's manifest and not run; null when the package is
 * not installed or its bin/ is not complete (a workspace link holds no binary until a release fills it).
 */
export async function readPrebuiltEngine(options: Pick<EngineOptions, 'prebuiltFrom' | 'env'> = {}): Promise<InstalledEngine | null> {
  const packageDir = resolvePrebuiltPackage(options.prebuiltFrom ?? (options.env ?? process.env).BOLLYX_PREBUILT_FROM);
  if (packageDir === null) return null;
  const binDir = path.join(packageDir, 'bin');
  const recordFile = path.join(binDir, ENGINE_RECORD_FILE);
  const manifest = await readRecordFile(recordFile, PrebuiltManifestSchema);
  if (manifest === null) return null;
  if (!(await Promise.all(manifest.files.map((file) => exists(path.join(binDir, file))))).every(Boolean)) return null;
  const { files: _files, sourceSha256: _sourceSha256, binary, ...described } = manifest;
  const record = EngineRecordSchema.parse({ ...described, binary: path.join(binDir, binary), origin: 'prebuilt' } satisfies EngineRecord);
  return { record, recordFile };
}

/**
 * A prebuilt engine stands in for a build of `plan` when it is the same whisper.cpp source for the same
 * backend and platform: the package ships a CPU build, so never where CUDA or Metal is planned.
 */
export function prebuiltServes(record: EngineRecord, plan: WhisperEnginePlan): boolean {
  return (
    record.backend === plan.backend &&
    record.platform === plan.platform &&
    record.version === plan.source.version &&
    record.source === plan.source.origin
  );
}
