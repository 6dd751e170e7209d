import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** This boot of this machine on Linux; after a reboot no pid from before means anything. Undefined elsewhere. */
function readBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

let bootId: string | undefined | null = null;

/** The machine a lock or a hash cache belongs to: its host name and, on Linux, its boot id. */
export function hostIdentity(): { hostname: string; bootId: string | undefined } {
  if (bootId === null) bootId = readBootId();
  return { hostname: hostname(), bootId };
}

/** The host name as a file-name part: letters, digits, `.`, `-`, `_` only. */
export function hostFileTag(name = hostname()): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_') || 'unknown-host';
}
