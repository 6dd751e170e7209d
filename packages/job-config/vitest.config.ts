import { defineConfig } from 'vitest/config';

// Tests run real ffmpeg/ffprobe on fixtures they generate; a busy 2-core machine can make that slow.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
