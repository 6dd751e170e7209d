import { readFile } from 'node:fs/promises';
import { EngineRecordSchema } from './engine-record';
import type { EngineRecord } from './engine-record';

/** The record in `file`, or null when it is missing or not a valid record (an engine to rebuild). */
export async function readEngineRecord(file: string): Promise<EngineRecord | null> {
  try {
    return EngineRecordSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return null;
  }
}
