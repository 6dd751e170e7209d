#!/usr/bin/env node
// Writes a test Whisper model: node tools/ggml-model/make-model.mjs OUT.bin [--seed N] [--english]
import { parseArgs } from 'node:util';
import { importTypeScript } from '../import-typescript.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: 'string', default: '1' }, english: { type: 'boolean', default: false } },
});
const [outPath] = positionals;
if (!outPath || !Number.isInteger(Number(values.seed))) {
  console.error('usage: node tools/ggml-model/make-model.mjs OUT.bin [--seed N] [--english]');
  process.exit(2);
}

const tool = await importTypeScript(new URL('./index.ts', import.meta.url));

const started = performance.now();
const model = await tool.writeTestWhisperModel(outPath, {
  seed: Number(values.seed),
  nVocab: values.english ? 51864 : 51865,
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`${model.path}: ${(model.bytes / 1e6).toFixed(1)} MB, ${model.tensors} tensors, ${seconds} s`);
