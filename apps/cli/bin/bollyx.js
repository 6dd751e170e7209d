#!/usr/bin/env node
// The published entry point: the CLI itself is the tsup build in ../dist.
import('../dist/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/main.js')) {
    console.error('bollyx is not built yet: run `npm run build` in the repository root.');
    process.exit(70);
  }
  throw error;
});
