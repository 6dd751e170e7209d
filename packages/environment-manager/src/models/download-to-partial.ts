import { createHash, type Hash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { hashFileInto, type ExpectedDigest } from './file-digest';
import { ModelChecksumMismatchError, ModelFetchError, type PullFunction } from './model-errors';
import { statIfFile } from './model-file-state';

export interface DownloadRequest {
  model: string;
  url: string;
  fromMirror: boolean;
  /** The final file: only named in errors; the download itself goes to `partialPath`. */
  path: string;
  partialPath: string;
  expectedSize: number;
  expected: ExpectedDigest;
  /**
   * A fresh hash for the digest, already fed with any header the digest covers besides the file's bytes
   * (git's `blob <size>\0` for a Hugging Face file kept in git). Default: a bare `expected.algorithm` hash.
   */
  newHash?: () => Hash;
  /** Request headers (an `Authorization` for a gated Hugging Face file); never put in errors or progress. */
  headers?: Record<string, string>;
  /** The setting that points downloads at a mirror, named in hints. Default: BOLLYX_MODEL_MIRROR. */
  mirrorSetting?: string;
  /** The library call named in hints. Default: pullModel. */
  pullFunction?: PullFunction;
  signal?: AbortSignal;
  /** Bytes of the file on disk so far, a resumed partial included. */
  onBytes?: (bytes: number) => void;
}

/** Consecutive attempts that may fail without receiving a byte before the download gives up. */
const MAX_FAILED_ATTEMPTS = 5;
const FIRST_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 8_000;

// Connection-level failures worth another try; anything else (404, disk full) will not mend by retrying.
const TRANSIENT_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

class TransientStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** The partial file and the running hash of exactly the bytes in it. */
interface PartialState {
  hash: Hash;
  bytes: number;
}

/**
 * Downloads `url` into `partialPath`, resuming what is already there with `Range: bytes=<n>-` and
 * retrying connection failures with backoff. Resolves with the digest of the complete file, which then
 * has exactly `expectedSize` bytes; the caller compares the digest and renames the file into place.
 */
export async function downloadToPartial(request: DownloadRequest): Promise<string> {
  const { partialPath, expectedSize, signal } = request;
  let state: PartialState | undefined;
  let failedAttempts = 0;
  for (;;) {
    signal?.throwIfAborted();
    const onDisk = (await statIfFile(partialPath))?.size ?? 0;
    if (onDisk > expectedSize) {
      // Longer than the model can be: not a prefix of it, so nothing to resume.
      await rm(partialPath, { force: true });
      continue;
    }
    if (state === undefined || state.bytes !== onDisk) state = await rehashPartial(partialPath, onDisk, request);
    if (onDisk === expectedSize) return state.hash.digest('hex');

    const attempt: Attempt = { state, received: 0 };
    let failure: unknown;
    try {
      await fetchRemainder(request, attempt);
    } catch (error) {
      if (signal?.aborted || !isTransient(error)) throw error;
      failure = error;
    }
    state = attempt.state;
    if (failure === undefined && attempt.received > 0) {
      failedAttempts = 0;
      continue;
    }
    // A cut after some progress starts a fresh count: a long download may survive many short outages.
    failedAttempts = attempt.received > 0 ? 1 : failedAttempts + 1;
    if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
      throw new ModelFetchError({
        model: request.model,
        source: request.url,
        fromMirror: request.fromMirror,
        mirrorSetting: request.mirrorSetting,
        pullFunction: request.pullFunction,
        ...(failure instanceof TransientStatusError
          ? { status: failure.status }
          : { cause: failure ?? new Error(`no data after ${MAX_FAILED_ATTEMPTS} requests`) }),
      });
    }
    await sleep(Math.min(FIRST_RETRY_DELAY_MS * 2 ** (failedAttempts - 1), MAX_RETRY_DELAY_MS), undefined, { signal });
  }
}

function newHash(request: DownloadRequest): Hash {
  return request.newHash?.() ?? createHash(request.expected.algorithm);
}

async function rehashPartial(partialPath: string, onDisk: number, request: DownloadRequest): Promise<PartialState> {
  const hash = newHash(request);
  const bytes = onDisk === 0 ? 0 : await hashFileInto(hash, partialPath, { signal: request.signal });
  request.onBytes?.(bytes);
  return { hash, bytes };
}

/** One request's progress: the partial it appends to (replaced when the server restarts from zero). */
interface Attempt {
  state: PartialState;
  received: number;
}

/** One request for the rest of the file, appended to the partial. */
async function fetchRemainder(request: DownloadRequest, attempt: Attempt): Promise<void> {
  const { url, partialPath, expectedSize, signal } = request;
  const resumeFrom = attempt.state.bytes;
  const response = await fetch(url, {
    headers: { ...request.headers, ...(resumeFrom > 0 ? { range: `bytes=${resumeFrom}-` } : {}) },
    signal,
  });
  if (response.status === 206 && resumeFrom > 0) {
    const range = parseContentRange(response.headers.get('content-range'));
    if (range === undefined || range.start !== resumeFrom) {
      // A range we did not ask for: start over rather than splice mismatched bytes.
      await response.body?.cancel();
      await rm(partialPath, { force: true });
      return;
    }
    if (range.total !== undefined && range.total !== expectedSize) {
      await response.body?.cancel();
      await failSize(request, range.total);
    }
  } else if (response.status === 200) {
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isInteger(declared) && declared !== expectedSize) {
      await response.body?.cancel();
      await failSize(request, declared);
    }
    // The server ignored the range and sends the whole file: start the partial over.
    if (resumeFrom > 0) attempt.state = { hash: newHash(request), bytes: 0 };
  } else if (response.status === 416) {
    // Our partial does not fit the file the server has now: drop it and fetch the whole file.
    await response.body?.cancel();
    await rm(partialPath, { force: true });
    return;
  } else {
    await response.body?.cancel();
    if (response.status >= 500 || response.status === 429) throw new TransientStatusError(response.status);
    throw new ModelFetchError({
      model: request.model,
      source: url,
      status: response.status,
      fromMirror: request.fromMirror,
      mirrorSetting: request.mirrorSetting,
      pullFunction: request.pullFunction,
    });
  }
  if (response.body === null) return;

  const state = attempt.state;
  let overflowSize: number | undefined;
  const handle = await open(partialPath, state.bytes === 0 ? 'w' : 'a');
  try {
    for await (const chunk of response.body) {
      if (state.bytes + chunk.length > expectedSize) {
        overflowSize = state.bytes + chunk.length;
        break;
      }
      await handle.write(chunk);
      // Hash only what is safely written, so the running hash always matches the file.
      state.hash.update(chunk);
      state.bytes += chunk.length;
      attempt.received += chunk.length;
      request.onBytes?.(state.bytes);
    }
  } finally {
    await handle.close();
  }
  if (overflowSize !== undefined) await failSize(request, overflowSize);
  // A 200 that ended cleanly is the whole file the server has; a short 206 is resumed by the next request.
  if (response.status === 200 && state.bytes < expectedSize) await failSize(request, state.bytes);
}

function parseContentRange(header: string | null): { start: number; total: number | undefined } | undefined {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header?.trim() ?? '');
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { start: Number(match[1]), total: match[2] === '*' ? undefined : Number(match[2]) };
}

/** The source serves a file of another size: no digest can match, so stop early and drop the partial. */
async function failSize(request: DownloadRequest, actualSize: number): Promise<never> {
  await rm(request.partialPath, { force: true });
  throw new ModelChecksumMismatchError({
    model: request.model,
    path: request.path,
    source: request.url,
    algorithm: request.expected.algorithm,
    expected: request.expected.hex,
    expectedSize: request.expectedSize,
    actualSize,
    deleted: true,
    mirrorSetting: request.mirrorSetting,
    pullFunction: request.pullFunction,
  });
}

function isTransient(error: unknown): boolean {
  if (error instanceof TransientStatusError) return true;
  if (!(error instanceof Error)) return false;
  // undici reports a refused or reset connection as "fetch failed", and a body cut mid-way as "terminated".
  if (error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated')) return true;
  const code = (error as NodeJS.ErrnoException).code ?? (error.cause as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && TRANSIENT_ERROR_CODES.has(code);
}
