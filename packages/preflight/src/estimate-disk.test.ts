import { describe, expect, it } from 'vitest';
import { estimateDisk, WAV_BYTES_PER_SECOND } from './estimate-disk';

describe('estimateDisk', () => {
  it('counts two 16 kHz mono WAVs, a copy of the film per mux container, a media copy and the models to fetch', () => {
    expect(WAV_BYTES_PER_SECOND).toBe(32_000);
    const film = { sizeBytes: 2_000_000_000, durationSeconds: 7200, copied: true };
    expect(estimateDisk({ media: film, muxContainers: 2, modelBytes: 147_951_465 })).toEqual({
      audioBytes: 460_800_000,
      muxBytes: 4_000_000_000,
      mediaCopyBytes: 2_000_000_000,
      modelBytes: 147_951_465,
      totalBytes: 460_800_000 + 4_000_000_000 + 2_000_000_000 + 147_951_465,
    });
  });

  it('leaves out what is not there: no mux, a hard-linked film, an unknown duration, no media', () => {
    const linked = { sizeBytes: 1000, copied: false };
    expect(estimateDisk({ media: linked, muxContainers: 0, modelBytes: 0 }).totalBytes).toBe(0);
    expect(estimateDisk({ muxContainers: 2, modelBytes: 5 }).totalBytes).toBe(5);
  });
});
