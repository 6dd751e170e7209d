import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { DigestAlgorithm } from './model-registry-schema';

const BLOCK = 512;

/** The archive is not gzip, or not a tar archive, or ends mid-entry. */
export class TarArchiveError extends Error {}

export interface ExtractedMember {
  bytes: number;
  /** The digest of the member's bytes, hex. */
  hex: string;
}

/**
 * Streams one regular file out of a gzipped tar archive (ustar with pax long names, as npm packs)
 * into `destination`, hashing it as it is written. Resolves undefined when the archive has no such file;
 * throws TarArchiveError when it is not a gzipped tar archive or ends mid-entry.
 */
export async function extractTarMember(
  archive: string,
  member: string,
  destination: string,
  algorithm: DigestAlgorithm,
  signal?: AbortSignal,
): Promise<ExtractedMember | undefined> {
  // pipeline() destroys both streams on an error in either, so reading the gunzip side sees every failure.
  const reader = chunkReader(pipeline(createReadStream(archive, { signal }), createGunzip(), () => undefined));
  try {
    let longName: string | undefined;
    // The archive ends with zero blocks; some writers stop without them.
    for (let header = await reader.block(); header !== undefined && header.some((byte) => byte !== 0); header = await reader.block()) {
      const size = octal(header, 124, 12);
      const type = String.fromCharCode(header[156] ?? 0);
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (type === 'x') {
        // A pax header: its records (`<length> <key>=<value>\n`) may give the next entry's full path.
        const records = (await reader.read(size + padding)).subarray(0, size).toString('utf8');
        longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(records)?.[1];
        continue;
      }
      const name = longName ?? ustarName(header);
      longName = undefined;
      if ((type === '0' || type === '\0') && name === member) return await writeMember(reader, size, destination, algorithm);
      await reader.skip(size + padding);
    }
    return undefined;
  } finally {
    await reader.close();
  }
}

async function writeMember(reader: ChunkReader, size: number, destination: string, algorithm: DigestAlgorithm): Promise<ExtractedMember> {
  const hash = createHash(algorithm);
  const handle = await open(destination, 'w');
  try {
    for await (const piece of reader.take(size)) {
      await handle.write(piece);
      hash.update(piece);
    }
  } finally {
    await handle.close();
  }
  return { bytes: size, hex: hash.digest('hex') };
}

/** ustar keeps names over 100 bytes as a prefix (345–500) and a name (0–100). */
function ustarName(header: Buffer): string {
  const name = cString(header, 0, 100);
  const prefix = cString(header, 257, 6) === 'ustar' ? cString(header, 345, 155) : '';
  return prefix === '' ? name : `${prefix}/${name}`;
}

function cString(header: Buffer, start: number, length: number): string {
  const field = header.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function octal(header: Buffer, start: number, length: number): number {
  const text = cString(header, start, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new TarArchiveError(`not a tar archive: a header has the size field "${text}"`);
  return Number.parseInt(text, 8);
}

/** A stream read by exact byte counts. */
interface ChunkReader {
  /** The next 512-byte block, or undefined when the stream has ended. */
  block(): Promise<Buffer | undefined>;
  /** Exactly `length` bytes, in the pieces the stream delivers them. */
  take(length: number): AsyncGenerator<Buffer>;
  /** Exactly `length` bytes at once. */
  read(length: number): Promise<Buffer>;
  skip(length: number): Promise<void>;
  /** Stops reading and releases the stream. */
  close(): Promise<void>;
}

function chunkReader(stream: AsyncIterable<Buffer>): ChunkReader {
  const iterator = stream[Symbol.asyncIterator]();
  let pending: Buffer = Buffer.alloc(0);

  async function nextChunk(): Promise<IteratorResult<Buffer>> {
    try {
      return await iterator.next();
    } catch (error) {
      // zlib's codes (Z_DATA_ERROR, Z_BUF_ERROR): the bytes are not gzip.
      const code = (error as NodeJS.ErrnoException).code;
      if (code?.startsWith('Z_')) throw new TarArchiveError(`not gzip (${(error as Error).message})`);
      throw error;
    }
  }

  async function* take(length: number): AsyncGenerator<Buffer> {
    let left = length;
    while (left > 0) {
      if (pending.length === 0) {
        const next = await nextChunk();
        if (next.done) throw new TarArchiveError('the tar archive ends in the middle of an entry');
        pending = next.value;
      }
      const piece = pending.subarray(0, left);
      pending = pending.subarray(piece.length);
      left -= piece.length;
      yield piece;
    }
  }

  async function read(length: number): Promise<Buffer> {
    const pieces: Buffer[] = [];
    for await (const piece of take(length)) pieces.push(piece);
    return Buffer.concat(pieces);
  }

  return {
    take,
    read,
    skip: async (length) => {
      for await (const _piece of take(length)) continue;
    },
    block: async () => {
      while (pending.length === 0) {
        const next = await nextChunk();
        if (next.done) return undefined;
        pending = next.value;
      }
      return read(BLOCK);
    },
    close: async () => {
      await iterator.return?.();
    },
  };
}
