import { stat } from 'node:fs/promises';
import path from 'node:path';
import { engineBinaryVersion } from './engine-binary-version';
import type { EngineOptions } from './engine-options';
import type { EngineRecord } from './engine-record';
import { enginesDir } from './engines-dir';
import { planWhisperEngine } from './plan-whisper-engine';
import type { WhisperEnginePlan } from './plan-whisper-engine';
import { prebuiltServes, readPrebuiltEngine } from './prebuilt-engine';
import { ENGINE_RECORD_FILE, readEngineRecord } from './read-engine-record';
import type { InstalledEngine } from './read-engine-record';

// Record files whose binary ran, with the record and binary mtimes at the time: a changed file is checked again.
const verifiedRecords = new Map<string, string>();

/** The build for `plan` in `root`, read from its record (not run). */
async function builtEngine(root: string, plan: WhisperEnginePlan): Promise<InstalledEngine | null> {
  const recordFile = path.join(root, plan.buildKey, ENGINE_RECORD_FILE);
  const record = await readEngineRecord(recordFile);
  return record && { record, recordFile };
}

/** Whether the engine's binary runs and reports its recorded version; remembered until a file changes. */
async function runsAsRecorded({ record, recordFile }: InstalledEngine): Promise<boolean> {
  const stamps = await Promise.all([stat(recordFile), stat(record.binary)]).catch(() => null);
  if (!stamps) return false;
  const stamp = stamps.map((info) => info.mtimeMs).join(':');
  if (verifiedRecords.get(recordFile) === stamp) return true;
  const version = await engineBinaryVersion(record.binary).catch(() => null);
  if (version !== record.version) return false;
  verifiedRecords.set(recordFile, stamp);
  return true;
}

/** The installed build for `plan` in `root` if its binary is there and runs, else null. */
export async function findPlannedEngine(root: string, plan: WhisperEnginePlan): Promise<EngineRecord | null> {
  const built = await builtEngine(root, plan);
  return built && (await runsAsRecorded(built)) ? built.record : null;
}

/**
 * The engines that serve this machine's plan, read and not run, preferred first: the build made here for it
 * (tuned to this CPU, built on request), then the prebuilt platform package's, which needs no compiler.
 */
async function servingEngines(options: EngineOptions): Promise<InstalledEngine[]> {
  const plan = await planWhisperEngine(options);
  const [built, prebuilt] = await Promise.all([builtEngine(enginesDir(options), plan), readPrebuiltEngine(options)]);
  return [built, prebuilt && prebuiltServes(prebuilt.record, plan) ? prebuilt : null].filter((engine) => engine !== null);
}

/**
 * The engine this machine's plan would run, from its record and without running it: the build for the plan,
 * else the prebuilt package's when it serves the plan; null when one has to be built.
 */
export async function installedWhisperEngine(options: EngineOptions = {}): Promise<EngineRecord | null> {
  return (await servingEngines(options))[0]?.record ?? null;
}

/**
 * The whisper.cpp engine for this machine, if one is installed and its binary runs: the build for this
 * machine (same source, flags and CPU), else the prebuilt platform package's for a CPU plan of the same
 * source; null when it has to be built. The run check is remembered until the files change.
 */
export async function findWhisperEngine(options: EngineOptions = {}): Promise<EngineRecord | null> {
  for (const engine of await servingEngines(options)) {
    if (await runsAsRecorded(engine)) return engine.record;
  }
  return null;
}
