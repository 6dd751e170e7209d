import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeNvidiaSmi } from '../../../tools/test-nvidia-smi';
import { detectHardware } from './detect-hardware';
import { profileCachePath } from './profile-cache';
import { HardwareProfileSchema } from './schema';

let dir: string;
const originalPath = process.env.PATH;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-hw-'));
});

afterEach(async () => {
  process.env.PATH = originalPath;
  await rm(dir, { recursive: true, force: true });
});

/** Puts an `nvidia-smi` whose shell body is `script` first on PATH. */
async function onPathNvidiaSmi(script: string): Promise<void> {
  process.env.PATH = `${await fakeNvidiaSmi(dir, script)}${path.delimiter}${originalPath}`;
}

describe('detectHardware', () => {
  it('detects a valid profile of this machine', async () => {
    const profile = await detectHardware({ cacheDir: dir, workspace: dir });
    expect(HardwareProfileSchema.parse(profile)).toEqual(profile);
    expect(profile.cpu.threads).toBe(os.availableParallelism());
    expect(profile.cpu.physicalCores).toBeGreaterThan(0);
    expect(profile.cpu.physicalCores).toBeLessThanOrEqual(profile.cpu.threads);
    expect(profile.memory.totalBytes).toBe(os.totalmem());
    expect(profile.memory.availableBytes).toBeLessThanOrEqual(profile.memory.totalBytes);
    expect(profile.disk.freeBytes).toBeGreaterThan(0);
    expect(profile.disk.path).toBe(dir);
    expect(profile.os).toEqual({ platform: os.platform(), release: os.release(), arch: os.arch() });
    const onAppleSilicon = os.platform() === 'darwin' && os.arch() === 'arm64';
    expect(profile.appleSilicon).toEqual(onAppleSilicon ? { chip: profile.cpu.model, metal: true } : null);
  });

  it('answers from the cache until the TTL passes or refresh is asked', async () => {
    const first = await detectHardware({ cacheDir: dir });
    const cached = await detectHardware({ cacheDir: dir });
    expect(cached.detectedAt).toBe(first.detectedAt);

    const refreshed = await detectHardware({ cacheDir: dir, refresh: true });
    expect(refreshed.detectedAt).not.toBe(first.detectedAt);

    const expired = await detectHardware({ cacheDir: dir, ttlMs: 0 });
    expect(expired.detectedAt).not.toBe(refreshed.detectedAt);
    const onDisk = JSON.parse(await readFile(profileCachePath(dir), 'utf8'));
    expect(onDisk.profile.detectedAt).toBe(expired.detectedAt);
  });

  it('re-detects when the cache was written on another machine', async () => {
    const first = await detectHardware({ cacheDir: dir });
    const file = profileCachePath(dir);
    const foreign = JSON.parse(await readFile(file, 'utf8'));
    foreign.profile.fingerprint = 'another-machine';
    foreign.profile.cpu.model = 'Foreign CPU';
    await writeFile(file, JSON.stringify(foreign));
    const again = await detectHardware({ cacheDir: dir });
    expect(again.cpu.model).toBe(first.cpu.model);
    expect(again.detectedAt).not.toBe(first.detectedAt);
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1, "profile": {'],
    ['the wrong shape', '{"schemaVersion": 1, "profile": {"cpu": "fast"}}'],
    ['empty', ''],
  ])('ignores and rewrites a cache file that is %s', async (_name, content) => {
    await writeFile(profileCachePath(dir), content);
    const profile = await detectHardware({ cacheDir: dir });
    const rewritten = JSON.parse(await readFile(profileCachePath(dir), 'utf8'));
    expect(rewritten.profile.detectedAt).toBe(profile.detectedAt);
  });

  it('leaves no cache with noCache', async () => {
    await detectHardware({ cacheDir: dir, noCache: true });
    await expect(readFile(profileCachePath(dir))).rejects.toThrow(/ENOENT/);
  });

  it('reads GPUs from nvidia-smi, retrying without compute_cap on old drivers', async () => {
    await onPathNvidiaSmi(`
case "$1" in
  --query-gpu=*compute_cap*) echo 'Field "compute_cap" is not a valid field to query.'; exit 2 ;;
  --query-gpu=*) printf '0, Tesla T4, 15360, 470.82.01\\n1, Tesla T4, 15360, 470.82.01\\n' ;;
  *) echo '| NVIDIA-SMI 470.82.01    Driver Version: 470.82.01    CUDA Version: 11.4     |' ;;
esac`);
    const profile = await detectHardware({ noCache: true });
    expect(profile.nvidiaGpus).toEqual([
      expect.objectContaining({ index: 0, name: 'Tesla T4', cudaVersion: '11.4', computeCapability: null, source: 'nvidia-smi' }),
      expect.objectContaining({ index: 1, name: 'Tesla T4', driverVersion: '470.82.01' }),
    ]);
  });

  it('treats a failing nvidia-smi as no NVIDIA GPU', async () => {
    await onPathNvidiaSmi(`echo "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver." >&2; exit 9`);
    const profile = await detectHardware({ noCache: true });
    expect(profile.nvidiaGpus.filter((gpu) => gpu.source === 'nvidia-smi')).toEqual([]);
  });

  it('gives up on a hung nvidia-smi after the probe timeout', async () => {
    await onPathNvidiaSmi('sleep 30');
    const profile = await detectHardware({ noCache: true, probeTimeoutMs: 300 });
    expect(profile.nvidiaGpus.filter((gpu) => gpu.source === 'nvidia-smi')).toEqual([]);
  });

  it('stops when its signal is aborted', async () => {
    await expect(detectHardware({ noCache: true, signal: AbortSignal.abort() })).rejects.toThrow();
  });
});
