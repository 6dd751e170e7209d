import { z } from 'zod';

/**
 * A key in an artifact store: a relative, `/`-separated path (`jobs/<jobId>/audio/speech.wav`). No empty,
 * `.` or `..` segment, so a key read from a manifest can never name a file outside the folder it is put in.
 */
export const artifactKeySchema = z
  .string()
  .min(1)
  .max(1024)
  .refine((key) => !key.includes('\\') && !key.includes('\0'), 'must not contain a backslash or NUL')
  .refine((key) => key.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..'), 'must be a relative path without empty, "." or ".." segments');

/** What a store records for every object, and what each transfer returns. */
export const artifactRecordSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
});
export type ArtifactRecord = z.infer<typeof artifactRecordSchema>;

export interface ArtifactTransferProgress {
  /** Bytes moved so far. */
  bytes: number;
  /** The object's size when known. */
  totalBytes: number | undefined;
}

export interface ArtifactTransferOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ArtifactTransferProgress) => void;
}

export interface ArtifactGetOptions extends ArtifactTransferOptions {
  /** The sha256 the caller knows (a manifest's): the download must match it as well as the store's record. */
  expectedSha256?: string;
}

/**
 * Where finished files go so another machine can fetch them. Every transfer hashes the bytes as they
 * pass; `get` writes beside `localPath` and renames only once the sha256 matches, so a failed or corrupt
 * download never leaves a file under the final name. Errors: `ARTIFACT_STORE_UNREACHABLE`,
 * `ARTIFACT_NOT_FOUND`, `ARTIFACT_CORRUPT`; an aborted transfer rejects with the signal's reason.
 */
export interface ArtifactStore {
  /** Where the store is, for messages (never with credentials). */
  readonly location: string;
  put(key: string, localPath: string, options?: ArtifactTransferOptions): Promise<ArtifactRecord>;
  get(key: string, localPath: string, options?: ArtifactGetOptions): Promise<ArtifactRecord>;
  /** The record of `key`, or undefined when there is no such object. */
  stat(key: string): Promise<ArtifactRecord | undefined>;
  has(key: string): Promise<boolean>;
  /** Every key starting with `prefix` (a plain string prefix, as S3 lists), sorted. */
  list(prefix?: string): Promise<string[]>;
  /** Removes `key`; removing a missing key is no error. */
  remove(key: string): Promise<void>;
}
