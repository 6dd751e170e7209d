import { FileSystemError, fileSystemError, freeBytesAt, isBollyxError } from '@bollyx/errors';

/** Below this much free space a failing tool is taken to have failed for want of it. */
const NEARLY_FULL_BYTES = 1024 * 1024;

const DISK_FULL_OUTPUT = /No space left on device|Disk quota exceeded|ENOSPC|\[Errno 28\]/i;

/**
 * The error a failed attempt reports. A file-system refusal becomes its FileSystemError; a tool that died
 * on a full disk says so in its own words (ffmpeg's "No space left on device", Python's Errno 28) or, like
 * whisper-cli, not at all, writing a cut file: either way the job's disk being full is the cause to report.
 */
export function stageFailure(error: unknown, output: string, jobDir: string): unknown {
  if (isBollyxError(error) && error instanceof FileSystemError) return error;
  const refused = fileSystemError(error);
  if (refused !== undefined) return refused;
  const message = error instanceof Error ? error.message : String(error);
  const free = freeBytesAt(jobDir);
  if (DISK_FULL_OUTPUT.test(`${message}\n${output}`) || (free !== null && free < NEARLY_FULL_BYTES)) {
    return new FileSystemError('DISK_FULL', { path: jobDir }, error);
  }
  return error;
}
