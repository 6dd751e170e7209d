import { stat } from 'node:fs/promises';
import path from 'node:path';
import { engineBinaryVersion } from './engine-binary-version';
import type { EngineOptions } from './engine-options';
import type { EngineRecord } from './engine-record';
import { enginesDir } from './engines-dir';
import { planWhisperEngine } from './plan-whisper-engine';
import type { WhisperEnginePlan } from './plan-whisper-engine';
import { readEngineRecord } from './read-engine-record';

// Record files whose binary ran, with the record and binary mtimes at the time: a changed file is checked again.
const verifiedRecords = new Map<string, string>();

export const ENGINE_RECORD_FILE = 'engine.json';

/** The installed engine for `plan` in `root` if its binary is there and runs, else null. */
export async function findPlannedEngine(root: string, plan: WhisperEnginePlan): Promise<EngineRecord | null> {
  const recordPath = path.join(root, plan.buildKey, ENGINE_RECORD_FILE);
  const record = await readEngineRecord(recordPath);
  if (!record) return null;
  const stamps = await Promise.all([stat(recordPath), stat(record.binary)]).catch(() => null);
  if (!stamps) return null;
  const stamp = stamps.map((info) => info.mtimeMs).join(':');
  if (verifiedRecords.get(recordPath) === stamp) return record;
  const version = await engineBinaryVersion(record.binary).catch(() => null);
  if (version !== record.version) return null;
  verifiedRecords.set(recordPath, stamp);
  return record;
}

/**
 * The whisper.cpp engine built for this machine (same source, flags and CPU), if it is installed and its
 * binary runs; null when it has to be built. The run check is remembered until the files change.
 */
export async function findWhisperEngine(options: EngineOptions = {}): Promise<EngineRecord | null> {
  return findPlannedEngine(enginesDir(options), await planWhisperEngine(options));
}
