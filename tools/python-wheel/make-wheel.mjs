#!/usr/bin/env node
// Builds a pure-Python wheel from a folder of modules:
//   node tools/python-wheel/make-wheel.mjs NAME VERSION SOURCE_DIR OUT_DIR [--requires REQ]...
// The tool is TypeScript; esbuild (installed with tsup) compiles it in memory so no build step is needed.
import { build } from 'esbuild';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { requires: { type: 'string', multiple: true, default: [] } },
});
const [name, version, sourceDir, outDir] = positionals;
if (!name || !version || !sourceDir || !outDir) {
  console.error('usage: node tools/python-wheel/make-wheel.mjs NAME VERSION SOURCE_DIR OUT_DIR [--requires REQ]...');
  process.exit(2);
}

const bundle = await build({
  entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
});
const tool = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].contents).toString('base64')}`);
console.log(await tool.buildWheel({ name, version, sourceDir, outDir, requires: values.requires }));
