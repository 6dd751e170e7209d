import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { EngineOptions } from './engine-options';
import type { EngineRecord } from './engine-record';
import { enginesDir } from './engines-dir';
import { ENGINE_RECORD_FILE } from './find-whisper-engine';
import { readEngineRecord } from './read-engine-record';

/** Every engine installed in the engines folder (any build key), newest first. */
export async function listEngines(options: Pick<EngineOptions, 'dir' | 'env'> = {}): Promise<EngineRecord[]> {
  const root = enginesDir(options);
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const records = await Promise.all(
    entries.filter((entry) => entry.isDirectory()).map((entry) => readEngineRecord(path.join(root, entry.name, ENGINE_RECORD_FILE))),
  );
  return records.filter((record) => record !== null).sort((a, b) => b.builtAt.localeCompare(a.builtAt));
}
