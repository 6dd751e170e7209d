import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { withLockFolder } from './lock-folder';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('withLockFolder', () => {
  it('runs one holder at a time and tells the second it waits', async () => {
    const lock = path.join(dir, 'engine.lock');
    const order: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));

    const first = withLockFolder(lock, {}, async () => {
      order.push('first in');
      firstStarted();
      await firstHolds;
      order.push('first out');
    });
    await started;
    const waits: Array<number | undefined> = [];
    const second = withLockFolder(lock, { pollMs: 20, onWait: (pid) => { waits.push(pid); releaseFirst(); } }, async () => {
      order.push('second in');
    });
    await Promise.all([first, second]);

    expect(order).toEqual(['first in', 'first out', 'second in']);
    expect(waits).toEqual([process.pid]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock left by a process that died', async () => {
    const lock = path.join(dir, 'engine.lock');
    // The pid of a process that has exited: taken from the spawn, not its output, which test runners may wrap.
    const exited = execa(process.execPath, ['-e', '']);
    const deadPid = exited.pid!;
    await exited;
    await mkdir(lock);
    await writeFile(path.join(lock, 'pid'), String(deadPid));

    const waits: Array<number | undefined> = [];
    const result = await withLockFolder(lock, { onWait: (pid) => waits.push(pid) }, async () => 'built');

    expect(result).toBe('built');
    expect(waits).toEqual([]);
  });

  it('stops waiting when cancelled', async () => {
    const lock = path.join(dir, 'engine.lock');
    await mkdir(lock);
    await writeFile(path.join(lock, 'pid'), String(process.pid));
    const controller = new AbortController();

    const waiting = withLockFolder(lock, { pollMs: 20, signal: controller.signal, onWait: () => controller.abort() }, async () => 'built');

    await expect(waiting).rejects.toThrow(/abort/i);
  });
});
