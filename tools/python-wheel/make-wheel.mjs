#!/usr/bin/env node
// Builds a pure-Python wheel from a folder of modules:
//   node tools/python-wheel/make-wheel.mjs NAME VERSION SOURCE_DIR OUT_DIR [--requires REQ]...
import { parseArgs } from 'node:util';
import { importTypeScript } from '../import-typescript.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { requires: { type: 'string', multiple: true, default: [] } },
});
const [name, version, sourceDir, outDir] = positionals;
if (!name || !version || !sourceDir || !outDir) {
  console.error('usage: node tools/python-wheel/make-wheel.mjs NAME VERSION SOURCE_DIR OUT_DIR [--requires REQ]...');
  process.exit(2);
}

const tool = await importTypeScript(new URL('./index.ts', import.meta.url));
console.log(await tool.buildWheel({ name, version, sourceDir, outDir, requires: values.requires }));
