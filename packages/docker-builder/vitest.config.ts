import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The real build test starts its own dockerd and builds and runs images (about a minute on 2 cores).
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // The other bollyx packages' built dist is loaded by Node itself: inlined, vite resolved the builtin
    // imports tsup writes without `node:` (`timers/promises`) to files under this package and failed.
    server: { deps: { external: [/\/packages\/[^/]+\/dist\//] } },
  },
});
