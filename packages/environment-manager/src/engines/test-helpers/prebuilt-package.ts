import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EngineRecord } from '../engine-record';
import { planPortableEngine } from '../plan-whisper-engine';
import { prebuiltPackageName } from '../prebuilt-engine';
import type { PrebuiltManifest } from '../prebuilt-manifest';
import { writePrebuiltEngine } from '../write-prebuilt-engine';

export interface TestPrebuiltPackage {
  /** The folder to resolve it from: `prebuiltFrom`, `BOLLYX_PREBUILT_FROM`. */
  from: string;
  binDir: string;
  manifest: PrebuiltManifest;
}

/**
 * This platform's prebuilt package as npm installs it, in `<from>/node_modules/`: its bin/ laid out as the
 * release lays it out (manifest of the portable plan), around a copy of `engine`'s whisper-cli, so no
 * portable build (many minutes) is needed to test the lookup.
 */
export async function layOutPrebuiltPackage(from: string, engine: EngineRecord): Promise<TestPrebuiltPackage> {
  const name = prebuiltPackageName();
  const packageDir = path.join(from, 'node_modules', name);
  await mkdir(packageDir, { recursive: true });
  await writeFile(path.join(packageDir, 'package.json'), JSON.stringify({ name, version: '0.1.0', files: ['bin'] }));
  const binDir = path.join(packageDir, 'bin');
  const manifest = await writePrebuiltEngine(binDir, { plan: await planPortableEngine(), outputDir: path.dirname(engine.binary), buildSeconds: 0 });
  return { from, binDir, manifest };
}
