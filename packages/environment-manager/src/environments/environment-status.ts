import type { EnvironmentRecord } from './environment-record';
import type { EnvironmentSpec } from './environment-spec';

/**
 * ok: matches its spec and Python; missing: not created; stale: the spec or the Python changed since;
 * broken: a file it needs is gone or a probe does not import; unsupported: not for this platform.
 */
export type EnvironmentState = 'ok' | 'missing' | 'stale' | 'broken' | 'unsupported';

export interface EnvironmentStatus {
  name: string;
  state: EnvironmentState;
  /** Why, in words: what changed, which file is gone, which import fails. */
  reason: string;
  /** The command that repairs it, when it is not ok. */
  fix?: string;
  spec: EnvironmentSpec;
  /** The environment's record, when it has one. */
  record?: EnvironmentRecord;
}
