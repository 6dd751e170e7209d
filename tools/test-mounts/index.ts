import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Small real file systems for tests of full and read-only disks: tmpfs mounts, which need root on Linux
 * (CI runs as root). `mountsAvailable` tells a test to skip where they cannot be made.
 */
export const mountsAvailable: boolean = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export interface TestMount {
  dir: string;
  /** Fills the disk to its last block with one file, `fill`, in the mount's root. */
  fill(): void;
  /** Frees what `fill` took. */
  free(): Promise<void>;
  readOnly(): void;
  unmount(): Promise<void>;
}

/** A tmpfs of `sizeBytes` at a fresh folder. */
export async function mountTmpfs(sizeBytes: number): Promise<TestMount> {
  const dir = await mkdtemp(join(tmpdir(), 'bollyx-mount-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir]);
  const filler = join(dir, 'fill');
  return {
    dir,
    // dd stops at the first ENOSPC with the disk full; its non-zero exit is that.
    fill: () => {
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4096'], { stdio: 'ignore' });
      } catch {
        // expected: "No space left on device"
      }
    },
    free: () => rm(filler, { force: true }),
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir]),
    unmount: async () => {
      execFileSync('umount', ['-l', dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

