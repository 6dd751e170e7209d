// Imports a tool's TypeScript entry from a plain .mjs command with no build step: esbuild (installed with
// tsup) bundles it in memory.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The bundle runs from a data: URL, so each file's `import.meta.url` is written in as its own file URL:
// createRequire and `new URL(…, import.meta.url)` then resolve from where the file is, as unbundled.
const fileImportMetaUrl = {
  name: 'file-import-meta-url',
  setup(bundler) {
    bundler.onLoad({ filter: /\.[cm]?ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
      loader: 'ts',
    }));
  },
};

/** The module `entry` (a file URL, e.g. `new URL('./index.ts', import.meta.url)`) exports. */
export async function importTypeScript(entry) {
  const bundle = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // A bundled CommonJS dependency (execa's cross-spawn) calls require(): give the ES module one.
    banner: { js: `import { createRequire as bundledCreateRequire } from 'node:module'; const require = bundledCreateRequire(${JSON.stringify(entry.href)});` },
    plugins: [fileImportMetaUrl],
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].contents).toString('base64')}`);
}
