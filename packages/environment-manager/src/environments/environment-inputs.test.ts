import { describe, expect, it } from 'vitest';
import { describeInputChanges, environmentFingerprint, environmentInputs, inputsHash } from './environment-inputs';
import type { EnvironmentSpec } from './environment-spec';

const spec: EnvironmentSpec = {
  name: 'whisperx',
  description: 'test',
  python: '>=3.9,<3.12',
  serves: ['asr-whisperx'],
  requirements: ['whisperx==3.2.0', 'numpy==1.26.4'],
  variants: {
    cpu: { requirements: ['torch==2.0.1'], indexUrl: 'https://download.pytorch.org/whl/cpu' },
    cuda: { requirements: ['torch==2.0.1'], indexUrl: 'https://download.pytorch.org/whl/cu118' },
  },
  probes: ['whisperx', 'torch'],
};

describe('environment inputs', () => {
  it('joins the variant to the spec and hashes independently of order', () => {
    const cpu = environmentInputs(spec, 'cpu');
    expect(cpu).toEqual({
      python: '>=3.9,<3.12',
      requirements: ['whisperx==3.2.0', 'numpy==1.26.4', 'torch==2.0.1'],
      indexUrl: 'https://download.pytorch.org/whl/cpu',
      probes: ['whisperx', 'torch'],
    });
    expect(inputsHash(cpu)).toMatch(/^[0-9a-f]{64}$/);
    expect(inputsHash({ ...cpu, requirements: [...cpu.requirements].reverse() })).toBe(inputsHash(cpu));
    expect(inputsHash(environmentInputs(spec, 'cuda'))).not.toBe(inputsHash(cpu));
    expect(inputsHash(environmentInputs({ ...spec, description: 'other', serves: ['tools'] }, 'cpu'))).toBe(inputsHash(cpu));
  });

  it('fingerprints the spec hash, Python version, platform and variant', () => {
    const facts = { specHash: 'a'.repeat(64), pythonVersion: '3.11.7', platform: 'linux-x64', variant: 'cpu' as const };
    const fingerprint = environmentFingerprint(facts);
    expect(environmentFingerprint({ ...facts })).toBe(fingerprint);
    for (const changed of [{ pythonVersion: '3.11.8' }, { platform: 'linux-arm64' }, { variant: 'cuda' as const }, { specHash: 'b'.repeat(64) }]) {
      expect(environmentFingerprint({ ...facts, ...changed })).not.toBe(fingerprint);
    }
  });

  it('says what changed', () => {
    const before = environmentInputs(spec, 'cpu');
    const after = {
      python: '>=3.10,<3.12',
      requirements: ['whisperx==3.2.0', 'torch==2.0.1', 'pandas==2.2.3'],
      probes: ['whisperx', 'torch', 'pandas'],
    };
    expect(describeInputChanges(before, after)).toBe(
      'the spec changed: Python range >=3.9,<3.12 is now >=3.10,<3.12; requirement pandas==2.2.3 added; requirement numpy==1.26.4 removed; ' +
        'index https://download.pytorch.org/whl/cpu is now PyPI only; probe pandas added',
    );
    expect(describeInputChanges(before, { ...before, requirements: ['whisperx==3.3.1', 'numpy==1.26.4', 'torch==2.0.1'] })).toBe(
      'the spec changed: requirement whisperx==3.2.0 is now whisperx==3.3.1',
    );
  });
});
