import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { hubHomeDir } from './hub-cache-layout';

const HubRecordedFileSchema = z.object({
  path: z.string(),
  etag: z.string(),
  size: z.number().int().nonnegative(),
  /** The mtime of the bytes when their digest was last checked: unchanged size and mtime skip a re-hash. */
  mtimeMs: z.number(),
});
export type HubRecordedFile = z.infer<typeof HubRecordedFileSchema>;

/**
 * What bollyx pulled for a Hugging Face model: the commit, and each file with the digest check it passed.
 * Kept beside the hub cache (not in it, whose layout is huggingface_hub's), so that a model whose registry
 * entry takes every file of a revision can be known complete offline, and a verify skips unchanged files.
 */
const HubPullRecordSchema = z.object({
  name: z.string(),
  repo: z.string(),
  revision: z.string(),
  commit: z.string(),
  endpoint: z.string(),
  pulledAt: z.string(),
  files: z.array(HubRecordedFileSchema),
});
export type HubPullRecord = z.infer<typeof HubPullRecordSchema>;

function recordPath(env: NodeJS.ProcessEnv, name: string): string {
  return path.join(hubHomeDir(env), 'bollyx', `${name}.json`);
}

/** The record, or undefined when there is none or it cannot be read (it only ever saves work). */
export async function readHubPullRecord(env: NodeJS.ProcessEnv, name: string): Promise<HubPullRecord | undefined> {
  try {
    const parsed = HubPullRecordSchema.safeParse(JSON.parse(await readFile(recordPath(env, name), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function writeHubPullRecord(env: NodeJS.ProcessEnv, record: HubPullRecord): Promise<void> {
  const file = recordPath(env, record.name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
}

/** True when the record vouches for these bytes: same etag, and the file's size and mtime unchanged since. */
export function recordVouchesFor(record: HubPullRecord | undefined, etag: string, stats: { size: number; mtimeMs: number }): boolean {
  return record?.files.some((file) => file.etag === etag && file.size === stats.size && file.mtimeMs === stats.mtimeMs) ?? false;
}
