import { formatBytes } from '@bollyx/errors';
import type { CheckDefinition } from './check-definition';
import { estimateDisk, type DiskEstimateInput } from './estimate-disk';

export interface DiskCheckOptions {
  /** Where the job writes, and the bytes free there (the hardware profile measures it on every call). */
  disk: { path: string; freeBytes: number | null };
  /** What goes into the estimate; read when the check runs. */
  estimateInput: () => Promise<DiskEstimateInput>;
}

/**
 * Free disk at the workspace covers the job's estimate. Never cached: free space changes between runs and
 * costs nothing to read.
 */
export function diskCheck(options: DiskCheckOptions): CheckDefinition {
  return {
    id: 'disk',
    why: 'a job writes its audio as WAV and muxed copies of the video; a full disk stops it halfway',
    check: async () => {
      const estimate = estimateDisk(await options.estimateInput());
      const parts = [
        ['audio', estimate.audioBytes],
        ['muxed videos', estimate.muxBytes],
        ['media copy', estimate.mediaCopyBytes],
        ['models to fetch', estimate.modelBytes],
      ] as const;
      const breakdown = parts.filter(([, bytes]) => bytes > 0).map(([label, bytes]) => `${label} ${formatBytes(bytes)}`);
      const needs = `about ${formatBytes(estimate.totalBytes)}${breakdown.length > 0 ? ` (${breakdown.join(', ')})` : ''}`;
      const { path, freeBytes } = options.disk;
      if (freeBytes === null) return { ok: true, what: `free space at ${path} is unknown; the job needs ${needs}` };
      const what = `${formatBytes(freeBytes)} free at ${path}; the job needs ${needs}`;
      if (freeBytes >= estimate.totalBytes) return { ok: true, what };
      return {
        ok: false,
        what,
        code: 'DISK_FULL',
        fix: `free at least ${formatBytes(estimate.totalBytes - freeBytes)} at ${path}, or run with --workspace (BOLLYX_WORKSPACE) on a disk with more room`,
      };
    },
  };
}
