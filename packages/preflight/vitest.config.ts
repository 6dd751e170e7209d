import { defineConfig } from 'vitest/config';

// The tests use the real whisper.cpp engine (built once per machine, minutes on 2 cores, then shared from
// the engines folder), real ffmpeg and real Python venvs.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
