import type { HardwareProfile, Recommendation } from '@bollyx/hardware-detection';

/**
 * How many films run at once on this machine, with why: one per GPU when speech recognition runs on a
 * GPU (two films on one GPU only fight for its memory), else as many as the CPU cores hold without
 * oversubscribing them (physical cores / each film's whisper threads), at least one.
 */
export function batchConcurrency(profile: HardwareProfile, recommendation: Recommendation): { value: number; reason: string } {
  const { device } = recommendation.stages.asr;
  if (device === 'cuda') {
    const gpus = Math.max(1, profile.nvidiaGpus.length);
    return { value: gpus, reason: `one film per NVIDIA GPU (${gpus})` };
  }
  if (device === 'metal') return { value: 1, reason: 'one film at a time on the Apple GPU' };
  const perFilm = recommendation.threads.value;
  const cores = profile.cpu.physicalCores;
  const value = Math.max(1, Math.floor(cores / perFilm));
  return { value, reason: `${cores} CPU cores, ${perFilm} whisper threads per film` };
}
