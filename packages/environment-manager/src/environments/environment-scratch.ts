import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

// Beside each environment folder `<root>/<name>`: `.<name>.lock` while a process creates or removes it,
// `.<name>.tmp-<hex>` while a new one is built, `.<name>.trash-<hex>` while an old one is deleted.
type ScratchKind = 'tmp' | 'trash';
const scratchPrefix = (name: string, kind: ScratchKind) => `.${name}.${kind}-`;

/** The lock folder that keeps two creations or removals of the environment `name` apart. */
export function environmentLockDir(root: string, name: string): string {
  return path.join(root, `.${name}.lock`);
}

/** A fresh temp or trash folder path for the environment `name`, beside it (so a rename never crosses devices). */
export function environmentScratchDir(root: string, name: string, kind: ScratchKind): string {
  return path.join(root, `${scratchPrefix(name, kind)}${randomBytes(4).toString('hex')}`);
}

/** Temp and trash folders of this name left by a process that died: safe to delete while holding its lock. */
export async function removeLeftovers(root: string, name: string): Promise<void> {
  const leftovers = (await readdir(root)).filter((entry) => entry.startsWith(scratchPrefix(name, 'tmp')) || entry.startsWith(scratchPrefix(name, 'trash')));
  await Promise.all(leftovers.map((entry) => rm(path.join(root, entry), { recursive: true, force: true, maxRetries: 3 })));
}
