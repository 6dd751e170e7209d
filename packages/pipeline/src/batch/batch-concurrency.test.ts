import { recommend, type HardwareProfile } from '@bollyx/hardware-detection';
import { describe, expect, it } from 'vitest';
import { fixtureProfile } from '../../../../tools/test-hardware-profile';
import { batchConcurrency } from './batch-concurrency';

describe('batchConcurrency', () => {
  const machine = (cores: number, gpus: number) => fixtureProfile({ cores, gpus });
  const concurrency = (profile: HardwareProfile) => batchConcurrency(profile, recommend(profile)).value;

  it('runs one film per GPU, and on CPUs as many as the cores hold at the recommended threads per film', () => {
    expect(concurrency(machine(32, 2))).toBe(2);
    expect(concurrency(machine(32, 0))).toBe(4);
    expect(concurrency(machine(2, 0))).toBe(1);
    expect(concurrency(machine(1, 0))).toBe(1);
  });
});
