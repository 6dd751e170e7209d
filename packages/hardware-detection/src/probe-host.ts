import { statfs } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { HardwareProfile } from './schema';
import { withTimeout } from './with-timeout';

/** Bytes free to this user on the file system holding `folder` (or its nearest existing parent). */
export async function probeFreeDisk(folder: string): Promise<HardwareProfile['disk']> {
  let current = path.resolve(folder);
  for (;;) {
    try {
      const stats = await statfs(current);
      return { path: path.resolve(folder), freeBytes: Number(stats.bavail) * Number(stats.bsize) };
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return { path: path.resolve(folder), freeBytes: null };
      current = parent;
    }
  }
}

/**
 * CPU and memory. systeminformation knows physical cores and "available" memory (Linux MemAvailable,
 * which counts reclaimable cache); Node's os module is the fallback when it fails or is slow.
 */
export async function probeCpuAndMemory(
  timeoutMs: number,
): Promise<Pick<HardwareProfile, 'cpu' | 'memory'>> {
  const cpus = os.cpus();
  const threads = os.availableParallelism?.() ?? Math.max(cpus.length, 1);
  const fallback = {
    cpu: { model: cpus[0]?.model.trim() || 'unknown', physicalCores: threads, threads },
    memory: { totalBytes: os.totalmem(), availableBytes: os.freemem() },
  };
  try {
    const si = await import('systeminformation');
    const [cpu, mem] = await withTimeout(Promise.all([si.cpu(), si.mem()]), timeoutMs, 'systeminformation');
    return {
      cpu: {
        model: fallback.cpu.model,
        physicalCores: cpu.physicalCores > 0 ? Math.min(cpu.physicalCores, threads) : threads,
        threads,
      },
      memory: { totalBytes: mem.total, availableBytes: mem.available || fallback.memory.availableBytes },
    };
  } catch {
    return fallback;
  }
}

/** Apple Silicon: darwin on arm64, where whisper.cpp and MLX use the GPU through Metal. */
export function probeAppleSilicon(cpuModel: string): HardwareProfile['appleSilicon'] {
  if (os.platform() !== 'darwin' || os.arch() !== 'arm64') return null;
  return { chip: cpuModel, metal: true };
}
