import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { EngineOptions } from './engine-options';
import type { EngineRecord } from './engine-record';
import { enginesDir } from './engines-dir';
import { readPrebuiltEngine } from './prebuilt-engine';
import { ENGINE_RECORD_FILE, readEngineRecord } from './read-engine-record';

/** Every engine installed in the engines folder (any build key) and the prebuilt package's, newest first. */
export async function listEngines(options: Pick<EngineOptions, 'dir' | 'env' | 'prebuiltFrom'> = {}): Promise<EngineRecord[]> {
  const root = enginesDir(options);
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const records = await Promise.all(
    entries.filter((entry) => entry.isDirectory()).map((entry) => readEngineRecord(path.join(root, entry.name, ENGINE_RECORD_FILE))),
  );
  const prebuilt = await readPrebuiltEngine(options);
  return [...records, prebuilt?.record ?? null].filter((record) => record !== null).sort((a, b) => b.builtAt.localeCompare(a.builtAt));
}
