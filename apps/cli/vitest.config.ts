import { defineConfig } from 'vitest/config';

// CLI tests spawn the built binary and real tools (ffmpeg, whisper-cli): allow them time.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
