import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import type { ArtifactRecord } from './artifact-store';

/** Passes bytes through unchanged, hashing and counting them: the check of every transfer. */
export class Sha256Meter extends Transform {
  readonly #hash = createHash('sha256');
  #bytes = 0;

  constructor(private readonly onBytes?: (bytes: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#hash.update(chunk);
    this.#bytes += chunk.length;
    this.onBytes?.(this.#bytes);
    callback(null, chunk);
  }

  /** Call once, after the stream ended. */
  record(): ArtifactRecord {
    return { sha256: this.#hash.digest('hex'), size: this.#bytes };
  }
}

/** The sha256 and size of a local file. */
export async function sha256OfFile(path: string, signal?: AbortSignal): Promise<ArtifactRecord> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { signal }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}
