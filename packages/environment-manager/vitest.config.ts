import { defineConfig } from 'vitest/config';

// Engine tests build whisper.cpp once per machine (minutes on 2 cores, then cached in the engines
// folder) and run whisper-cli for real; model tests serve and verify real files.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
