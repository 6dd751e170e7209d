import { BollyxError } from '@bollyx/errors';

/** The store did not answer, or refused the request (network, credentials, missing bucket or folder). */
export class ArtifactStoreUnreachableError extends BollyxError {
  constructor(location: string, cause: unknown) {
    super('ARTIFACT_STORE_UNREACHABLE', `Artifact store ${location} is not reachable: ${cause instanceof Error ? cause.message : String(cause)}`, {
      hint: 'Check the store settings (sharedFolderStore root, or s3Store endpoint, bucket and credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY) and that this machine can reach it',
      cause,
      details: { location },
    });
  }
}

/** No object under this key. */
export class ArtifactNotFoundError extends BollyxError {
  constructor(location: string, key: string) {
    super('ARTIFACT_NOT_FOUND', `Artifact store ${location} has no ${key}`, {
      hint: 'Push it first from the machine that made it (pushJobFiles), or check the job id and store settings',
      details: { location, key },
    });
  }
}

/**
 * What was moved is not what was recorded (its sha256 or size differs, a manifest names a file that is
 * not there or is not a manifest): the copy was not kept.
 */
export class ArtifactCorruptError extends BollyxError {
  constructor(what: string, problem: string, details: Record<string, unknown> = {}) {
    super('ARTIFACT_CORRUPT', `${what}: ${problem}`, {
      hint: 'Push the files again from the machine that made them (pushJobFiles), or run their stage again there',
      details: { what, ...details },
    });
  }
}

/** The error for a record that does not match what was expected, or undefined when it matches. */
export function recordMismatch(what: string, expected: { sha256: string; size?: number }, actual: { sha256: string; size: number }): ArtifactCorruptError | undefined {
  if (expected.sha256 === actual.sha256 && (expected.size === undefined || expected.size === actual.size)) return undefined;
  return new ArtifactCorruptError(what, `sha256 ${actual.sha256} (${actual.size} bytes) differs from the recorded ${expected.sha256}${expected.size === undefined ? '' : ` (${expected.size} bytes)`}`, {
    expected,
    actual,
  });
}
