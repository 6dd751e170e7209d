// Python environments: creating one from a local wheelhouse (venv + pip, and uv where it is on PATH), and
// checkEnvironment on a healthy one (the record-and-stat check: no Python may start) against a deep check.
// Run by hand after `npm run build`:
//   node bench/environments.mjs [creations] [checks]
import childProcess, { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkEnvironment, createEnvironment, listEnvironments } from '@bollyx/environment-manager';

const creations = Number(process.argv[2] ?? 3);
const checks = Number(process.argv[3] ?? 200);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-envs-'));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function time(runs, fn) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs };
}
const show = (label, t, unit = 'ms') => {
  const scale = unit === 's' ? 1000 : 1;
  console.log(
    `${label.padEnd(52)} median ${(t.median / scale).toFixed(2).padStart(8)} ${unit}  (min ${(t.min / scale).toFixed(2)}, max ${(t.max / scale).toFixed(2)}, ${t.runs} runs)`,
  );
};

// Every process the library starts goes through child_process.spawn: count them during the checks.
let spawned = 0;
const realSpawn = childProcess.spawn;
childProcess.spawn = (...args) => {
  spawned += 1;
  return realSpawn(...args);
};
syncBuiltinESMExports();

try {
  const specsDir = path.join(work, 'specs');
  const wheelhouse = path.join(work, 'wheelhouse');
  const source = path.join(work, 'source', 'bollyx_bench_pkg');
  mkdirSync(specsDir);
  mkdirSync(source, { recursive: true });
  writeFileSync(path.join(source, '__init__.py'), 'READY = True\n');
  execFileSync(process.execPath, [path.join(root, 'tools/python-wheel/make-wheel.mjs'), 'bollyx-bench-pkg', '1.0.0', path.dirname(source), wheelhouse]);
  // JSON is YAML.
  const spec = { name: 'bench', description: 'bench', python: '>=3.9', serves: ['tools'], requirements: ['bollyx-bench-pkg==1.0.0'], probes: ['bollyx_bench_pkg'] };
  writeFileSync(path.join(specsDir, 'bench.yaml'), JSON.stringify(spec));
  const options = { env: { ...process.env, BOLLYX_CACHE_DIR: path.join(work, 'cache') }, specsDir };
  const offline = { ...options, wheelhouse, force: true };

  show('create from a wheelhouse, venv + pip', await time(creations, () => createEnvironment('bench', { ...offline, installer: 'pip' })), 's');
  let uv = true;
  try {
    execFileSync('uv', ['--version'], { stdio: 'ignore' });
  } catch {
    uv = false;
  }
  if (uv) show('create from a wheelhouse, uv', await time(creations, () => createEnvironment('bench', { ...offline, installer: 'uv' })), 's');
  else console.log(`${'create from a wheelhouse, uv'.padEnd(52)} skipped: uv is not on PATH`);

  // The environment left by the last creation is healthy: warm the file cache once, then measure.
  await checkEnvironment('bench', options);
  spawned = 0;
  const quick = await time(checks, async () => {
    const status = await checkEnvironment('bench', options);
    if (status.state !== 'ok') throw new Error(`expected ok, got ${status.state}: ${status.reason}`);
  });
  const quickSpawns = spawned;
  show('checkEnvironment, healthy (record + stat)', quick);
  console.log(`${''.padEnd(52)} Python processes started in ${checks} checks: ${quickSpawns}`);
  spawned = 0;
  show('checkEnvironment, deep (imports the probe)', await time(Math.min(checks, 10), () => checkEnvironment('bench', { ...options, deep: true })));
  show('listEnvironments, the 5 shipped specs, fresh cache', await time(Math.min(checks, 50), () => listEnvironments({ env: options.env })));
  console.log(`${os.cpus().length} CPUs (${os.cpus()[0]?.model}), load average ${os.loadavg()[0].toFixed(2)}, Python from ${process.env.BOLLYX_PYTHON ?? 'PATH'}`);
} finally {
  childProcess.spawn = realSpawn;
  syncBuiltinESMExports();
  rmSync(work, { recursive: true, force: true });
}
