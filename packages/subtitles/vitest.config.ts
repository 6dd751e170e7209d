import { defineConfig } from 'vitest/config';

// The ffmpeg compatibility test runs ffmpeg eight times; give it room on a busy machine.
export default defineConfig({
  test: {
    testTimeout: 30_000,
  },
});
