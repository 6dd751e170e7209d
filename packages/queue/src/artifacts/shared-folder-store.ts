import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { isBollyxError } from '@bollyx/errors';
import { artifactRecordSchema, type ArtifactRecord, type ArtifactStore, type ArtifactGetOptions, type ArtifactTransferOptions } from './artifact-store';
import { ArtifactCorruptError, ArtifactNotFoundError, ArtifactStoreUnreachableError, recordMismatch } from './artifact-errors';
import { abortReason, checkedKey, checkedPrefix } from './artifact-key';
import { Sha256Meter, sha256OfFile } from './sha256-meter';
import { writeVerified } from './verified-download';

// Beside the objects (which keep their keys' paths, so the folder stays readable), the store keeps each
// object's record in `.bollyx-store/records/<key>`, written after the object: an object counts only once
// its record is there. Uploads are written to `.bollyx-store/partial/` and renamed into place.
const STORE_DIR = '.bollyx-store';

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * An artifact store in a folder every machine mounts (NFS, SMB, a shared disk). `root` must exist: a
 * missing root is an unmounted share (`ARTIFACT_STORE_UNREACHABLE`), never created here.
 */
export function sharedFolderStore(root: string): ArtifactStore {
  const location = `shared folder ${root}`;
  const objectPath = (key: string) => join(root, ...checkedKey(key).split('/'));
  const recordPath = (key: string) => join(root, STORE_DIR, 'records', ...checkedKey(key).split('/'));

  const rootReachable = async () => {
    try {
      if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
    } catch (error) {
      throw new ArtifactStoreUnreachableError(location, error);
    }
  };

  /** Errors that are not already typed (and not an abort) mean the share failed under us. */
  const typed = (error: unknown, signal?: AbortSignal) => {
    if (signal?.aborted) return abortReason(signal);
    return isBollyxError(error) || error instanceof RangeError ? error : new ArtifactStoreUnreachableError(location, error);
  };

  const readRecord = async (key: string): Promise<ArtifactRecord | undefined> => {
    let text: string;
    try {
      text = await readFile(recordPath(key), 'utf8');
    } catch (error) {
      if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return undefined;
      throw error;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const parsed = artifactRecordSchema.safeParse(value);
    if (!parsed.success) throw new ArtifactCorruptError(`${location} ${key}`, 'its record is not a sha256 and size');
    return parsed.data;
  };

  const statRecord = async (key: string) => {
    await rootReachable();
    try {
      return await readRecord(key);
    } catch (error) {
      throw typed(error);
    }
  };

  return {
    location,

    async put(key: string, localPath: string, options: ArtifactTransferOptions = {}) {
      const target = objectPath(key);
      await rootReachable();
      const temp = join(root, STORE_DIR, 'partial', randomBytes(8).toString('hex'));
      const recordTemp = `${temp}.record`;
      const totalBytes = (await stat(localPath)).size;
      const meter = new Sha256Meter((bytes) => options.onProgress?.({ bytes, totalBytes }));
      try {
        await mkdir(dirname(temp), { recursive: true });
        await pipeline(createReadStream(localPath), meter, createWriteStream(temp), { signal: options.signal });
        const record = meter.record();
        // Read the copy back: what the share stored, not what was handed to it, is what counts.
        const stored = recordMismatch(`${location} ${key} (read back after the copy)`, record, await sha256OfFile(temp, options.signal));
        if (stored) throw stored;
        // The record goes after the object, so a reader never trusts a record whose object is not there yet.
        await rm(recordPath(key), { force: true });
        await mkdir(dirname(target), { recursive: true });
        await rename(temp, target);
        await writeFile(recordTemp, `${JSON.stringify(record)}\n`);
        await mkdir(dirname(recordPath(key)), { recursive: true });
        await rename(recordTemp, recordPath(key));
        return record;
      } catch (error) {
        await Promise.all([rm(temp, { force: true }), rm(recordTemp, { force: true })]);
        throw typed(error, options.signal);
      }
    },

    async get(key: string, localPath: string, options: ArtifactGetOptions = {}) {
      await rootReachable();
      try {
        const recorded = await readRecord(key);
        if (recorded === undefined) throw new ArtifactNotFoundError(location, key);
        const source = createReadStream(objectPath(key));
        await new Promise<void>((resolve, reject) => {
          source.once('open', () => resolve());
          source.once('error', (error) => reject(errnoCode(error) === 'ENOENT' ? new ArtifactNotFoundError(location, key) : error));
        });
        return await writeVerified({ source, recorded, what: `${location} ${key}` }, localPath, options);
      } catch (error) {
        throw typed(error, options.signal);
      }
    },

    stat: statRecord,

    has: async (key: string) => (await statRecord(key)) !== undefined,

    async list(prefix = '') {
      await rootReachable();
      const records = join(root, STORE_DIR, 'records');
      // Walk only the folder the prefix is in; a prefix ending mid-name filters that folder's entries.
      const folder = join(records, ...checkedPrefix(prefix).split('/').slice(0, -1));
      let entries;
      try {
        entries = await readdir(folder, { recursive: true, withFileTypes: true });
      } catch (error) {
        if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return [];
        throw typed(error);
      }
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => relative(records, join(entry.parentPath, entry.name)).split(sep).join('/'))
        .filter((key) => key.startsWith(prefix))
        .sort();
    },

    async remove(key: string) {
      await rootReachable();
      try {
        await rm(recordPath(key), { force: true });
        await rm(objectPath(key), { force: true });
      } catch (error) {
        throw typed(error);
      }
    },
  };
}
