// Which ONNX runtime runs Silero VAD: onnxruntime-node (native, every platform's build in one package)
// against onnxruntime-web (WASM, run in Node). Each is installed alone in a temp folder (no install
// scripts) and measured in fresh `node` processes: the node_modules size, the cold load (import +
// InferenceSession.create of the real model, median), the speed with ONE thread as × real time over the
// sample film looped to the length asked for (16 kHz, median), whether both give the same speech
// probabilities, and what each leaves in its TMPDIR. Needs the npm registry and ffmpeg. Run by hand after
// `npm run build`:
//   node bench/vad-runtimes.mjs [seconds]
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pullModel } from '@bollyx/environment-manager';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const seconds = Number(process.argv[2] ?? 120);
const LOADS = 7;
const RUNS = 3;
const RUNTIMES = [
  { name: 'onnxruntime-node', spec: 'onnxruntime-node@~1.30.0' },
  { name: 'onnxruntime-web', spec: 'onnxruntime-web@1' },
];
const work = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-vad-runtimes-'));

// Runs in a fresh node inside the runtime's folder. `load`: prints the ms of import + create. `speed`:
// scores the audio RUNS times window by window with the Silero v5 protocol (64 samples of context + 512,
// state carried over), printing the seconds of each run and the probabilities of the last.
const PROBE = `
import { readFile } from 'node:fs/promises';
const [runtime, mode, modelPath, audioPath, runs] = process.argv.slice(2);
const modelBytes = await readFile(modelPath);
const started = performance.now();
const ort = await import(runtime);
if (runtime === 'onnxruntime-web') {
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  ort.env.logLevel = 'error';
}
const session = await ort.InferenceSession.create(modelBytes, {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
  logSeverityLevel: 3,
});
const loadMs = performance.now() - started;
if (mode === 'load') {
  console.log(JSON.stringify({ loadMs }));
} else {
  const raw = await readFile(audioPath);
  const audio = new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
  const input = new Float32Array(576);
  const state = new Float32Array(256);
  const feeds = {
    input: new ort.Tensor('float32', input, [1, 576]),
    state: new ort.Tensor('float32', state, [2, 1, 128]),
    sr: new ort.Tensor('int64', BigInt64Array.from([16000n]), []),
  };
  const times = [];
  let probabilities = [];
  for (let run = 0; run < Number(runs); run += 1) {
    input.fill(0);
    state.fill(0);
    probabilities = [];
    const begun = performance.now();
    for (let offset = 0; offset + 512 <= audio.length; offset += 512) {
      input.copyWithin(0, 512);
      input.set(audio.subarray(offset, offset + 512), 64);
      const results = await session.run(feeds);
      state.set(results.stateN.data);
      probabilities.push(results.output.data[0]);
    }
    times.push((performance.now() - begun) / 1000);
  }
  console.log(JSON.stringify({ times, probabilities }));
}
await session.release();
`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;

/** Apparent size of every file below `dir`, links not followed. */
function treeBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? treeBytes(full) : lstatSync(full).size;
  }
  return total;
}

/** One probe in a fresh node with its own empty TMPDIR; returns its JSON and the names it left there. */
function probe(folder, runtime, mode, modelPath, audioPath) {
  const tmp = mkdtempSync(path.join(work, 'tmp-'));
  const out = execFileSync(process.execPath, [path.join(folder, 'probe.mjs'), runtime, mode, modelPath, audioPath, String(RUNS)], {
    cwd: folder,
    env: { ...process.env, TMPDIR: tmp },
    maxBuffer: 64 * 1024 * 1024,
  });
  const left = readdirSync(tmp);
  rmSync(tmp, { recursive: true, force: true });
  return { ...JSON.parse(out.toString()), left };
}

try {
  const modelPath = (await pullModel('silero-vad')).path;
  const audioPath = path.join(work, 'audio.f32');
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-stream_loop', '-1', '-i', path.join(root, 'samples/sample-hi-en.mp4'),
    '-t', String(seconds), '-vn', '-ac', '1', '-ar', '16000', '-f', 'f32le', audioPath,
  ]);

  const rows = [];
  for (const runtime of RUNTIMES) {
    const folder = path.join(work, runtime.name);
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'package.json'), '{ "private": true, "type": "module" }\n');
    execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', runtime.spec], {
      cwd: folder,
      stdio: 'ignore',
    });
    writeFileSync(path.join(folder, 'probe.mjs'), PROBE);
    const version = JSON.parse(execFileSync('npm', ['ls', runtime.name, '--json'], { cwd: folder }).toString())
      .dependencies[runtime.name].version;
    const loads = Array.from({ length: LOADS }, () => probe(folder, runtime.name, 'load', modelPath, audioPath));
    const speed = probe(folder, runtime.name, 'speed', modelPath, audioPath);
    rows.push({
      runtime: `${runtime.name} ${version}`,
      installBytes: treeBytes(path.join(folder, 'node_modules')),
      packageBytes: treeBytes(path.join(folder, 'node_modules', runtime.name)),
      loadMs: median(loads.map((load) => load.loadMs)),
      realTime: seconds / median(speed.times),
      probabilities: speed.probabilities,
      left: [...new Set([...loads, speed].flatMap((run) => run.left.map((name) => name.replace(/\d+/g, '<n>'))))],
    });
  }

  const [reference] = rows;
  console.log(`${seconds} s of 16 kHz audio (samples/sample-hi-en.mp4 looped), load median of ${LOADS}, speed median of ${RUNS}:`);
  console.log(
    `${'runtime'.padEnd(24)} ${'node_modules'.padStart(12)} ${'package'.padStart(8)} ${'cold load'.padStart(10)} ` +
      `${'1 thread'.padStart(10)}  ${'max |Δp|'.padStart(9)}  left in TMPDIR`,
  );
  for (const row of rows) {
    const diff = Math.max(...row.probabilities.map((p, i) => Math.abs(p - (reference?.probabilities[i] ?? NaN))));
    console.log(
      `${row.runtime.padEnd(24)} ${megabytes(row.installBytes).padStart(12)} ${megabytes(row.packageBytes).padStart(8)} ` +
        `${`${row.loadMs.toFixed(0)} ms`.padStart(10)} ${`${row.realTime.toFixed(0)}×`.padStart(10)}  ` +
        `${row === reference ? '(ref)'.padStart(9) : diff.toExponential(1).padStart(9)}  ${row.left.join(', ') || 'nothing'}`,
    );
  }
  console.log(`${reference?.probabilities.length} windows; ${os.cpus()[0]?.model}, ${os.availableParallelism()} threads, load average ${os.loadavg()[0].toFixed(2)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
