import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { EngineRecordSchema } from './engine-record';
import type { EngineRecord } from './engine-record';

/** The record beside a built engine, and the manifest in a prebuilt package's bin/. */
export const ENGINE_RECORD_FILE = 'engine.json';

/** An installed engine: its record and the file it was read from (whose mtime dates the run check). */
export interface InstalledEngine {
  record: EngineRecord;
  recordFile: string;
}

/** `file` as `schema` reads it, or null when it is missing or not valid (an engine to rebuild or pass over). */
export async function readRecordFile<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  try {
    return schema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return null;
  }
}

/** The record in `file`, or null when it is missing or not a valid record (an engine to rebuild). */
export function readEngineRecord(file: string): Promise<EngineRecord | null> {
  return readRecordFile(file, EngineRecordSchema);
}
