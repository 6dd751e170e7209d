import { describe, expect, it } from 'vitest';
import { detectHardware } from './detect-hardware';
import { recommend } from './recommend';
import { fixtureGpu, fixtureProfile } from '../../../tools/test-hardware-profile';
import { RecommendationSchema } from './schema';

const GIB = 1024 ** 3;
const gpu = fixtureGpu;
const profile = fixtureProfile;

const FIXTURES = {
  'H100 80 GB': profile({ cores: 32, memoryGiB: 256, gpus: [gpu('NVIDIA H100 80GB HBM3', 80, '9.0')] }),
  'RTX 3060 6 GB': profile({ cores: 8, memoryGiB: 16, gpus: [gpu('NVIDIA GeForce RTX 3060 Laptop GPU', 6, '8.6')] }),
  'M2 16 GB': profile({ cores: 8, memoryGiB: 16, apple: 'Apple M2' }),
  '2-core 4 GB VM': profile({ cores: 2, memoryGiB: 4 }),
};

describe('recommend', () => {
  it.each([
    ['H100 80 GB', { model: 'large-v3', compute: 'float16', batch: 16, threads: 8, asr: 'cuda', translation: 'cuda', diarization: 'cuda' }],
    ['RTX 3060 6 GB', { model: 'large-v3', compute: 'int8_float16', batch: 4, threads: 8, asr: 'cuda', translation: 'cuda', diarization: 'cuda' }],
    ['M2 16 GB', { model: 'large-v3-turbo', compute: 'float16', batch: 8, threads: 8, asr: 'metal', translation: 'metal', diarization: 'cpu' }],
    ['2-core 4 GB VM', { model: 'base', compute: 'int8', batch: 1, threads: 2, asr: 'cpu', translation: 'cpu', diarization: 'cpu' }],
  ] as const)('%s', (name, expected) => {
    const result = RecommendationSchema.parse(recommend(FIXTURES[name]));
    expect({
      model: result.whisperModel.value,
      compute: result.computeType.value,
      batch: result.batchSize.value,
      threads: result.threads.value,
      asr: result.stages.asr.device,
      translation: result.stages.translation.device,
      diarization: result.stages.diarization.device,
    }).toEqual(expected);
    expect(result.stages.vad.device).toBe('cpu');
    for (const stage of Object.values(result.stages)) {
      expect(stage.reason.length).toBeGreaterThan(10);
      // A GPU stage can always fall back to the CPU; a CPU stage has nowhere to go.
      expect(stage.fallback).toEqual(stage.device === 'cpu' ? [] : ['cpu']);
    }
  });

  it('names the GPU in its reasons', () => {
    const result = recommend(FIXTURES['RTX 3060 6 GB']);
    expect(result.whisperModel.reason).toContain('RTX 3060');
    expect(result.stages.asr.reason).toContain('RTX 3060');
  });

  it('picks int8 on GPUs older than compute capability 7.0', () => {
    const pascal = profile({ cores: 4, memoryGiB: 16, gpus: [gpu('Tesla P100', 16, '6.0')] });
    const result = recommend(pascal);
    expect(result.computeType.value).toBe('int8');
    expect(result.computeType.reason).toContain('compute 6.0');
  });

  it('uses the GPU with the most memory and ignores one too small for Whisper', () => {
    const mixed = profile({ cores: 8, memoryGiB: 32, gpus: [gpu('Quadro P400', 2, '6.1'), { ...gpu('NVIDIA RTX A6000', 48, '8.6'), index: 1 }] });
    expect(recommend(mixed).stages.asr.reason).toContain('A6000');
    const tiny = profile({ cores: 8, memoryGiB: 32, gpus: [gpu('Quadro P400', 2, '6.1')] });
    const onTiny = recommend(tiny);
    expect(onTiny.stages.asr.device).toBe('cpu');
    expect(onTiny.stages.asr.reason).toContain('too little memory');
  });

  it('applies overrides and says so, keeping a fallback for GPU devices', () => {
    const result = recommend(FIXTURES['2-core 4 GB VM'], {
      whisperModel: 'small',
      threads: 1,
      devices: { asr: 'cuda', vad: 'cpu' },
    });
    expect(result.whisperModel).toEqual({ value: 'small', reason: 'set explicitly' });
    expect(result.threads.value).toBe(1);
    expect(result.stages.asr).toEqual({ device: 'cuda', fallback: ['cpu'], reason: 'set explicitly (recommended: cpu)' });
    expect(result.stages.vad.reason).not.toContain('set explicitly');
  });

  it('is pure: the same input gives the same output', () => {
    expect(recommend(FIXTURES['H100 80 GB'])).toEqual(recommend(FIXTURES['H100 80 GB']));
  });

  it('recommends for this machine’s real profile', async () => {
    const real = await detectHardware({ noCache: true });
    const result = RecommendationSchema.parse(recommend(real));
    expect(result.threads.value).toBeGreaterThan(0);
    expect(result.threads.value).toBeLessThanOrEqual(real.cpu.physicalCores);
    const expectedAsr = real.nvidiaGpus.some((g) => (g.vramBytes ?? 0) >= 3 * GIB) ? 'cuda' : real.appleSilicon ? 'metal' : 'cpu';
    expect(result.stages.asr.device).toBe(expectedAsr);
  });
});
