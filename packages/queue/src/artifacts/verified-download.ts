import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { withFileSystemErrors } from '@bollyx/errors';
import type { ArtifactRecord, ArtifactGetOptions } from './artifact-store';
import { recordMismatch } from './artifact-errors';
import { Sha256Meter } from './sha256-meter';

export interface VerifiedDownload {
  /** The object's bytes. */
  source: Readable;
  /** What the store recorded for the object. */
  recorded: ArtifactRecord;
  /** The object, for messages: `<store> <key>`. */
  what: string;
}

/**
 * Streams `source` into a temp file beside `localPath`, hashing it, and renames it into place only when it
 * matches the store's record and the caller's expected sha256; otherwise (and on abort) the temp file goes.
 */
export async function writeVerified(download: VerifiedDownload, localPath: string, options: ArtifactGetOptions = {}): Promise<ArtifactRecord> {
  const { source, recorded, what } = download;
  const temp = join(dirname(localPath), `.${basename(localPath)}.download-${randomBytes(4).toString('hex')}`);
  const meter = new Sha256Meter((bytes) => options.onProgress?.({ bytes, totalBytes: recorded.size }));
  try {
    await withFileSystemErrors(async () => {
      await mkdir(dirname(localPath), { recursive: true });
      await pipeline(source, meter, createWriteStream(temp), { signal: options.signal });
    }, { path: localPath, neededBytes: recorded.size });
    const received = meter.record();
    const mismatch =
      recordMismatch(what, recorded, received) ?? (options.expectedSha256 === undefined ? undefined : recordMismatch(`${what} (expected by the caller)`, { sha256: options.expectedSha256 }, received));
    if (mismatch) throw mismatch;
    await rename(temp, localPath);
    return received;
  } catch (error) {
    source.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}
