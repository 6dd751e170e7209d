// Imports a tool's TypeScript entry from a plain .mjs command with no build step: esbuild (installed with
// tsup) bundles it in memory.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The module `entry` (a file URL, e.g. `new URL('./index.ts', import.meta.url)`) exports. */
export async function importTypeScript(entry) {
  const bundle = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].contents).toString('base64')}`);
}
