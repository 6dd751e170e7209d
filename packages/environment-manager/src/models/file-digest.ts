import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { DigestAlgorithm, ModelEntry } from './model-registry-schema';

export interface ExpectedDigest {
  algorithm: DigestAlgorithm;
  hex: string;
}

/** The digest a registry entry promises: its sha256 where it has one, else its sha1. */
export function expectedDigest(entry: ModelEntry): ExpectedDigest {
  if (entry.sha256 !== undefined) return { algorithm: 'sha256', hex: entry.sha256 };
  if (entry.sha1 !== undefined) return { algorithm: 'sha1', hex: entry.sha1 };
  // ModelEntrySchema requires one of the two; reaching here means an unvalidated entry.
  throw new TypeError(`model ${entry.name} has neither sha256 nor sha1`);
}

export interface HashProgress {
  signal?: AbortSignal;
  /** Called with the bytes hashed so far. */
  onBytes?: (bytes: number) => void;
}

/** Feeds a file's bytes into `hash` (streamed, so a 3 GB model needs no 3 GB of memory); returns its length. */
export async function hashFileInto(hash: Hash, file: string, progress: HashProgress = {}): Promise<number> {
  let bytes = 0;
  for await (const chunk of createReadStream(file, { signal: progress.signal, highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
    progress.onBytes?.(bytes);
  }
  return bytes;
}

export async function digestFile(file: string, algorithm: DigestAlgorithm, progress: HashProgress = {}): Promise<{ hex: string; bytes: number }> {
  const hash = createHash(algorithm);
  const bytes = await hashFileInto(hash, file, progress);
  return { hex: hash.digest('hex'), bytes };
}
