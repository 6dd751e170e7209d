import { readFile, writeFile } from 'node:fs/promises';
import type { z } from 'zod';

/** A stage's JSON output; the engine's temp path makes the write atomic. */
export async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** A JSON file an earlier stage wrote, checked against its schema. */
export async function readJson<T extends z.ZodType>(file: string, schema: T): Promise<z.output<T>> {
  return schema.parse(JSON.parse(await readFile(file, 'utf8')));
}
