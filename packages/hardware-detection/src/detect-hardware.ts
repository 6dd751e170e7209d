import os from 'node:os';
import { machineFingerprint } from './machine-fingerprint';
import { probeAppleSilicon, probeCpuAndMemory, probeFreeDisk } from './probe-host';
import { profileCachePath, readCachedProfile, writeCachedProfile } from './profile-cache';
import { HardwareProfileSchema, type HardwareProfile } from './schema';

export interface DetectHardwareOptions {
  /** Ignore the cached profile and detect again (the new profile is cached). */
  refresh?: boolean;
  /** Folder of the profile cache; default `BOLLYX_CACHE_DIR` or the user cache folder. */
  cacheDir?: string;
  /** Skip the cache entirely: neither read nor write it. */
  noCache?: boolean;
  /** How long a cached profile stays valid; default one hour. */
  ttlMs?: number;
  /** The folder whose free disk space is reported; default the current folder. */
  workspace?: string;
  /** Time limit of each probe (nvidia-smi, systeminformation); default 5 s. */
  probeTimeoutMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_PROFILE_TTL_MS = 60 * 60 * 1000;
const DEFAULT_PROBE_TIMEOUT_MS = 5000;

/**
 * The hardware profile of this machine. A profile cached by an earlier call on the same machine within
 * the TTL is returned without probing (free disk is measured again, as it changes and costs nothing).
 */
export async function detectHardware(options: DetectHardwareOptions = {}): Promise<HardwareProfile> {
  const workspace = options.workspace ?? process.cwd();
  const cacheFile = profileCachePath(options.cacheDir);
  const fingerprint = machineFingerprint();

  if (!options.refresh && !options.noCache) {
    const cached = await readCachedProfile(cacheFile, fingerprint, options.ttlMs ?? DEFAULT_PROFILE_TTL_MS);
    if (cached) return { ...cached, disk: await probeFreeDisk(workspace) };
  }

  options.signal?.throwIfAborted();
  const started = performance.now();
  const timeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  // Loaded here, not at the top: a cached lookup should not pay for execa's start-up.
  const { probeNvidiaGpus } = await import('./probe-nvidia');
  const [cpuAndMemory, nvidiaGpus, disk] = await Promise.all([
    probeCpuAndMemory(timeoutMs),
    probeNvidiaGpus({ timeoutMs, signal: options.signal }),
    probeFreeDisk(workspace),
  ]);
  options.signal?.throwIfAborted();

  const profile = HardwareProfileSchema.parse({
    os: { platform: os.platform(), release: os.release(), arch: os.arch() },
    hostname: os.hostname(),
    ...cpuAndMemory,
    disk,
    nvidiaGpus,
    appleSilicon: probeAppleSilicon(cpuAndMemory.cpu.model),
    fingerprint,
    detectedAt: new Date().toISOString(),
    detectionMs: Math.round((performance.now() - started) * 10) / 10,
  });
  if (!options.noCache) {
    // A cache that cannot be written (read-only home, full disk) costs speed next time, not this answer.
    await writeCachedProfile(cacheFile, profile).catch(() => undefined);
  }
  return profile;
}
