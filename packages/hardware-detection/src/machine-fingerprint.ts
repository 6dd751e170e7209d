import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import os from 'node:os';

/** PCI bus ids of the GPUs the NVIDIA kernel driver knows: a cheap way to see a GPU added or removed. */
function nvidiaDeviceIds(): string[] {
  try {
    return readdirSync('/proc/driver/nvidia/gpus').sort();
  } catch {
    return [];
  }
}

/**
 * Identifies this machine's hardware without probing it: hostname, OS, CPU model and count, memory
 * size and NVIDIA devices. Cheap enough to check on every cached lookup.
 */
export function machineFingerprint(): string {
  const cpus = os.cpus();
  const parts = [
    os.hostname(),
    os.platform(),
    os.arch(),
    cpus[0]?.model ?? 'unknown-cpu',
    String(cpus.length),
    String(os.totalmem()),
    ...nvidiaDeviceIds(),
  ];
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}
