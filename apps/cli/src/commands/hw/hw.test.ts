import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = path.resolve(import.meta.dirname, '../../../bin/bollyx.js');
let cacheDir: string;

beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-cli-hw-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

const bollyx = (...args: string[]) =>
  execa(process.execPath, [cli, ...args], { env: { BOLLYX_CACHE_DIR: cacheDir }, reject: false });

describe('bollyx hw', () => {
  it('prints the profile and recommendation as JSON', async () => {
    const result = await bollyx('hw', '--json');
    expect(result.exitCode).toBe(0);
    const { profile, recommendation } = JSON.parse(result.stdout);
    expect(profile.cpu.physicalCores).toBeGreaterThan(0);
    expect(profile.cpu.threads).toBe(os.availableParallelism());
    expect(recommendation.threads.value).toBeGreaterThan(0);
    expect(Object.keys(recommendation.stages).sort()).toEqual(['asr', 'diarization', 'translation', 'vad']);
  });

  it('answers the second time from the cache, and detects again with --refresh', async () => {
    const first = JSON.parse((await bollyx('hw', '--json')).stdout);
    const second = JSON.parse((await bollyx('hw', '--json')).stdout);
    expect(second.profile.detectedAt).toBe(first.profile.detectedAt);
    const refreshed = JSON.parse((await bollyx('hw', '--json', '--refresh')).stdout);
    expect(refreshed.profile.detectedAt).not.toBe(first.profile.detectedAt);
  });

  it('prints a readable summary', async () => {
    const result = await bollyx('hw');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Hardware \(detected/);
    expect(result.stdout).toContain(os.cpus()[0]!.model.trim());
    expect(result.stdout).toMatch(/Whisper model\s+(tiny|base|small|medium|large-v3|large-v3-turbo)\s/);
    expect(result.stdout).toMatch(/asr\s+(cpu|cuda → cpu|metal → cpu)\s/);
  });

  it('documents itself in --help', async () => {
    const result = await bollyx('hw', '--help');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('--refresh');
    expect(result.stdout).toContain('--json');
  });
});
