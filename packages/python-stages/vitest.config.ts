import { defineConfig } from 'vitest/config';

// Stage tests spawn real subprocesses (node, ffmpeg, a killed child runner) on a busy 2-core machine.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
