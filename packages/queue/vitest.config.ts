import { defineConfig } from 'vitest/config';

// The tests run real films through the real pipeline (ffmpeg, whisper.cpp built once per machine) on a
// private redis-server.
export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 600_000,
  },
});
