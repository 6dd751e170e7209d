import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { DigestAlgorithmSchema, type DigestAlgorithm } from './model-registry-schema';

/**
 * The digest last computed for a model file, keyed by the file's size and mtime: while both are unchanged
 * the file is too, so verifying again needs no re-hash of gigabytes.
 */
const VerifyRecordSchema = z.object({
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  algorithm: DigestAlgorithmSchema,
  digest: z.string(),
});

export interface FileIdentity {
  size: number;
  mtimeMs: number;
}

function recordPath(modelPath: string): string {
  return `${modelPath}.verified.json`;
}

/** The recorded digest if it was computed for this very size and mtime with this algorithm; missing or stale records read as undefined. */
export async function readRecordedDigest(modelPath: string, identity: FileIdentity, algorithm: DigestAlgorithm): Promise<string | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(recordPath(modelPath), 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = VerifyRecordSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const record = parsed.data;
  const matches = record.size === identity.size && record.mtimeMs === identity.mtimeMs && record.algorithm === algorithm;
  return matches ? record.digest : undefined;
}

export async function recordDigest(modelPath: string, identity: FileIdentity, algorithm: DigestAlgorithm, digest: string): Promise<void> {
  const record: z.infer<typeof VerifyRecordSchema> = { size: identity.size, mtimeMs: identity.mtimeMs, algorithm, digest };
  await writeFileAtomic(recordPath(modelPath), `${JSON.stringify(record)}\n`);
}
