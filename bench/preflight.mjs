// `bollyx bootstrap` run a second time (everything up to date: the aim is under 2 s) and `bollyx preflight`
// answered from its 24-hour cache, each as the user runs it (a new node process), against a bare
// `node -e 0`; and `runPreflight` in-process, cached, for the cost inside `bollyx run`. Medians of N runs,
// on a fresh cache with a config that needs no download (a model given by path; the engine is shared).
// Run by hand after `npm run build`:   node bench/preflight.mjs [runs]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { enginesDir, ensureWhisperEngine } from '@bollyx/environment-manager';
import { detectHardware, recommend } from '@bollyx/hardware-detection';
import { runPreflight } from '@bollyx/preflight';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'apps/cli/bin/bollyx.js');
const runs = Number(process.argv[2] ?? 9);
const work = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-preflight-'));
const workspace = path.join(work, 'work');
const env = { ...process.env, BOLLYX_CACHE_DIR: path.join(work, 'cache'), BOLLYX_ENGINES_DIR: enginesDir(), BOLLYX_WORKSPACE: workspace };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function timed(command, args) {
  const started = performance.now();
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env, cwd: work });
  return performance.now() - started;
}
const report = (label, times) =>
  console.log(`${label.padEnd(46)} median ${median(times).toFixed(0).padStart(5)} ms   min ${Math.min(...times).toFixed(0).padStart(5)} ms   max ${Math.max(...times).toFixed(0).padStart(5)} ms`);

try {
  await ensureWhisperEngine();
  const model = path.join(work, 'ggml-model.bin');
  writeFileSync(model, 'ggml');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(path.join(workspace, 'bollyx.config.yaml'), `asr:\n  model: ${model}\n`);
  // The first bootstrap does the work (detects the hardware, downloads Silero VAD); the first preflight fills its cache.
  const first = timed(process.execPath, [cli, 'bootstrap', '--yes']);
  timed(process.execPath, [cli, 'preflight']);

  console.log(`bollyx bootstrap and preflight, ${runs} runs each (node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`);
  console.log(`${'first bootstrap (fresh cache)'.padEnd(46)} ${first.toFixed(0).padStart(12)} ms`);
  report('node -e 0', Array.from({ length: runs }, () => timed(process.execPath, ['-e', '0'])));
  report('bollyx bootstrap, second run (all up to date)', Array.from({ length: runs }, () => timed(process.execPath, [cli, 'bootstrap', '--yes'])));
  report('bollyx preflight, cached', Array.from({ length: runs }, () => timed(process.execPath, [cli, 'preflight'])));

  const profile = await detectHardware({ workspace });
  const options = {
    config: { sources: { recommendation: recommend(profile), env } },
    stagesOf: () => ({ whisperCpp: true, python: [] }),
    workspace,
    profile,
    env,
  };
  await runPreflight(options);
  const inProcess = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await runPreflight(options);
    inProcess.push(performance.now() - started);
  }
  report('runPreflight in-process, cached', inProcess);
} finally {
  rmSync(work, { recursive: true, force: true });
}
