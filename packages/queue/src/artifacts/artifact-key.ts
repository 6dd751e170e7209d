import { artifactKeySchema } from './artifact-store';

/** `key`, checked: a caller passing a key that is no relative path is a programming error. */
export function checkedKey(key: string): string {
  const parsed = artifactKeySchema.safeParse(key);
  if (!parsed.success) throw new RangeError(`Not an artifact key: ${JSON.stringify(key)} (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

/** What an aborted transfer rejects with, whatever the stream or SDK threw on the way: the signal's reason. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/** `prefix`, checked: the start of a key (`jobs/film-1/`, `jobs/fi`), so no `..` can lead a listing outside. */
export function checkedPrefix(prefix: string): string {
  if (prefix !== '') checkedKey(`${prefix}x`);
  return prefix;
}
