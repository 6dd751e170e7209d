import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
// The callback form returns the meter; a read error destroys it, and the Upload rejects with that error.
import { pipeline, Readable } from 'node:stream';
import type * as ClientS3 from '@aws-sdk/client-s3';
import type * as LibStorage from '@aws-sdk/lib-storage';
import { isBollyxError } from '@bollyx/errors';
import { z } from 'zod';
import { artifactRecordSchema, type ArtifactRecord, type ArtifactStore, type ArtifactGetOptions, type ArtifactTransferOptions } from './artifact-store';
import { ArtifactCorruptError, ArtifactNotFoundError, ArtifactStoreUnreachableError, recordMismatch } from './artifact-errors';
import { abortReason, checkedKey, checkedPrefix } from './artifact-key';
import { Sha256Meter, sha256OfFile } from './sha256-meter';
import { writeVerified } from './verified-download';

const MIB = 1024 * 1024;

// Loaded on first use: the AWS SDK takes most of a second to load, which the queue's other callers
// (submit, status, workers on a shared workspace) should not pay.
let sdk: Promise<typeof ClientS3 & typeof LibStorage> | undefined;
const loadSdk = () => (sdk ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]).then(([s3, storage]) => ({ ...s3, ...storage })));

export const s3StoreOptionsSchema = z.object({
  /** An S3-compatible server (MinIO, Ceph, s3rver…); AWS's own endpoint for the region when absent. */
  endpoint: z.url().optional(),
  region: z.string().min(1),
  bucket: z.string().min(3).max(63),
  /** Prepended to every key (`bollyx/` → `bollyx/jobs/<id>/…`). */
  prefix: z.string().default(''),
  /** `endpoint/bucket/key` URLs instead of `bucket.endpoint/key`: what most self-hosted servers need. */
  forcePathStyle: z.boolean().default(false),
  /** Default: the AWS SDK's chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles). */
  credentials: z.object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1), sessionToken: z.string().optional() }).optional(),
  /** Multipart part size; S3 needs at least 5 MiB. */
  partSizeBytes: z.number().int().min(5 * MIB).default(8 * MIB),
  /** Tries per request (the SDK retries network errors and throttling). */
  maxAttempts: z.number().int().min(1).default(3),
  /** How long to wait for a connection before the store counts as unreachable. */
  connectTimeoutMs: z.number().int().positive().default(5000),
});
export type S3StoreOptions = z.input<typeof s3StoreOptionsSchema>;

/** The endpoint without any user or password in it, for messages. */
function shownEndpoint(endpoint: string | undefined): string {
  if (endpoint === undefined) return 'AWS';
  const url = new URL(endpoint);
  url.username = '';
  url.password = '';
  return url.toString().replace(/\/$/, '');
}

function isNotFound(error: unknown): boolean {
  const { name, $metadata } = error as Partial<ClientS3.S3ServiceException>;
  return name === 'NoSuchKey' || name === 'NotFound' || ($metadata?.httpStatusCode === 404 && name !== 'NoSuchBucket');
}

/**
 * An artifact store in an S3 bucket (AWS or any S3-compatible server). Each object carries its sha256 as
 * metadata (`x-amz-meta-sha256`); uploads go in parts of `partSizeBytes` (lib-storage's Upload), and every
 * download is hashed and checked against it.
 */
export function s3Store(options: S3StoreOptions): ArtifactStore {
  const settings = s3StoreOptionsSchema.parse(options);
  const location = `s3://${settings.bucket}/${settings.prefix} at ${shownEndpoint(settings.endpoint)}`;
  let connection: ReturnType<typeof connect> | undefined;
  const connect = async () => {
    const aws = await loadSdk();
    const client = new aws.S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
      maxAttempts: settings.maxAttempts,
      requestHandler: { connectionTimeout: settings.connectTimeoutMs },
      // Our own sha256 checks every transfer; the SDK's default CRC trailers (aws-chunked bodies) are not
      // understood by many S3-compatible servers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return { aws, client };
  };
  const sdkClient = () => (connection ??= connect());
  const Bucket = settings.bucket;
  const objectKey = (key: string) => `${settings.prefix}${checkedKey(key)}`;

  const typed = (error: unknown, key: string, signal?: AbortSignal) => {
    if (signal?.aborted) return abortReason(signal);
    if (isBollyxError(error) || error instanceof RangeError) return error;
    if (isNotFound(error)) return new ArtifactNotFoundError(location, key);
    return new ArtifactStoreUnreachableError(location, error);
  };

  const head = async (key: string, signal?: AbortSignal): Promise<ArtifactRecord | undefined> => {
    try {
      const { aws, client } = await sdkClient();
      const answer = await client.send(new aws.HeadObjectCommand({ Bucket, Key: objectKey(key) }), { abortSignal: signal });
      const record = artifactRecordSchema.safeParse({ sha256: answer.Metadata?.sha256, size: answer.ContentLength });
      if (!record.success) throw new ArtifactCorruptError(`${location} ${key}`, 'the object has no sha256 metadata: it was not put by an artifact store');
      return record.data;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw typed(error, key, signal);
    }
  };

  return {
    location,

    async put(key: string, localPath: string, transfer: ArtifactTransferOptions = {}) {
      const { signal, onProgress } = transfer;
      // The sha256 goes out as metadata before the body, so the file is hashed first; the upload hashes
      // it again as it streams, which catches a file that changed in between.
      const { size: totalBytes } = await stat(localPath);
      const recorded = await sha256OfFile(localPath, signal).catch((error: unknown) => {
        throw signal?.aborted ? abortReason(signal) : error;
      });
      const { aws, client } = await sdkClient();
      signal?.throwIfAborted();
      const meter = new Sha256Meter((bytes) => onProgress?.({ bytes, totalBytes }));
      const upload = new aws.Upload({
        client,
        params: { Bucket, Key: objectKey(key), Body: pipeline(createReadStream(localPath), meter, () => {}), Metadata: { sha256: recorded.sha256 } },
        partSize: settings.partSizeBytes,
        queueSize: 2,
        leavePartsOnError: false,
      });
      const abort = () => void upload.abort();
      signal?.addEventListener('abort', abort, { once: true });
      try {
        await upload.done();
        const mismatch = recordMismatch(`${localPath} (changed while uploading to ${location} ${key})`, recorded, meter.record());
        if (mismatch) {
          await client.send(new aws.DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
          throw mismatch;
        }
        const stored = await head(key, signal);
        const stale = stored === undefined ? new ArtifactNotFoundError(location, key) : recordMismatch(`${location} ${key} (after upload)`, recorded, stored);
        if (stale) throw stale;
        return recorded;
      } catch (error) {
        throw typed(error, key, signal);
      } finally {
        signal?.removeEventListener('abort', abort);
        // Closes the file when the upload stopped early (the meter takes its source down with it).
        meter.destroy();
      }
    },

    async get(key: string, localPath: string, transfer: ArtifactGetOptions = {}) {
      try {
        const { aws, client } = await sdkClient();
        const answer = await client.send(new aws.GetObjectCommand({ Bucket, Key: objectKey(key) }), { abortSignal: transfer.signal });
        const recorded = artifactRecordSchema.safeParse({ sha256: answer.Metadata?.sha256, size: answer.ContentLength });
        if (!(answer.Body instanceof Readable)) throw new Error('the S3 client gave no Node stream for the body');
        if (!recorded.success) {
          answer.Body.destroy();
          throw new ArtifactCorruptError(`${location} ${key}`, 'the object has no sha256 metadata: it was not put by an artifact store');
        }
        return await writeVerified({ source: answer.Body, recorded: recorded.data, what: `${location} ${key}` }, localPath, transfer);
      } catch (error) {
        throw typed(error, key, transfer.signal);
      }
    },

    stat: (key: string) => head(key),

    async has(key: string) {
      return (await head(key)) !== undefined;
    },

    async list(prefix = '') {
      const keys: string[] = [];
      try {
        const { aws, client } = await sdkClient();
        for await (const page of aws.paginateListObjectsV2({ client }, { Bucket, Prefix: `${settings.prefix}${checkedPrefix(prefix)}` })) {
          for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key.slice(settings.prefix.length));
        }
      } catch (error) {
        throw typed(error, prefix);
      }
      return keys.sort();
    },

    async remove(key: string) {
      try {
        const { aws, client } = await sdkClient();
        await client.send(new aws.DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
      } catch (error) {
        throw typed(error, key);
      }
    },
  };
}
