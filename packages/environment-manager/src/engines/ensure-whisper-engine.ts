import { buildWhisperEngine } from './build-whisper-engine';
import type { BuildWhisperEngineOptions } from './build-whisper-engine';
import type { EngineRecord } from './engine-record';
import { findWhisperEngine } from './find-whisper-engine';

/** The working engine for this machine: the installed one, else built now (with progress). */
export async function ensureWhisperEngine(options: Omit<BuildWhisperEngineOptions, 'force'> = {}): Promise<EngineRecord> {
  return (await findWhisperEngine(options)) ?? buildWhisperEngine(options);
}
