// Hardware detection: cold detection, cached lookup, and the wall time of `bollyx hw --json` from the
// cache against a bare `node -e 0` start in the same run. Run by hand after `npm run build`:
//   node bench/hardware.mjs [runs]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectHardware } from '@bollyx/hardware-detection';

const runs = Number(process.argv[2] ?? 10);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'apps/cli/bin/bollyx.js');
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-hw-'));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function time(fn) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}
const show = (label, t) =>
  console.log(`${label.padEnd(38)} median ${t.median.toFixed(1).padStart(7)} ms  (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)})`);

try {
  const env = { ...process.env, BOLLYX_CACHE_DIR: cacheDir };
  show('cold detection (in process)', await time(() => detectHardware({ cacheDir, refresh: true })));
  show('cached lookup (in process)', await time(() => detectHardware({ cacheDir })));
  show('node -e 0 (process start)', await time(() => execFileSync(process.execPath, ['-e', '0'])));
  show('bollyx hw --json, cached (wall)', await time(() => execFileSync(process.execPath, [cli, 'hw', '--json'], { env })));
  show('bollyx hw --json --refresh (wall)', await time(() => execFileSync(process.execPath, [cli, 'hw', '--json', '--refresh'], { env })));
  console.log(`${runs} runs each; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
