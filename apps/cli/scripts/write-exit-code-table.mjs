#!/usr/bin/env node
// Writes the README's exit-code table from the CLI's exit-code tables: node apps/cli/scripts/write-exit-code-table.mjs
import { readFile, writeFile } from 'node:fs/promises';
import { importTypeScript } from '../../../tools/import-typescript.mjs';

const { exitCodeTable, TABLE_MARKERS } = await importTypeScript(new URL('../src/output/exit-code-table.ts', import.meta.url));
const readme = new URL('../../../README.md', import.meta.url);
const text = await readFile(readme, 'utf8');
const start = text.indexOf(TABLE_MARKERS.start);
const end = text.indexOf(TABLE_MARKERS.end);
if (start === -1 || end < start) throw new Error(`README.md has no ${TABLE_MARKERS.start} … ${TABLE_MARKERS.end} block`);
await writeFile(readme, `${text.slice(0, start + TABLE_MARKERS.start.length)}\n${exitCodeTable()}\n${text.slice(end)}`);
console.log('README.md: exit-code table written');
