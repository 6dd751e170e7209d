// The prebuilt whisper-cli package against the native build of the same source: runs the release for this
// platform, installs the packed tarball into a fresh folder with `npm install <tgz>`, and with a PATH that
// has no cmake, make or compiler finds it through ensureWhisperEngine and runs it on the sample film's audio
// with the test model (greedy, no fallback, fixed threads), alternating with the native build. Prints median
// and fastest wall times (other load on the machine slows single runs a lot), the CPU variant ggml loaded,
// whether the outputs are identical, and the package's sizes. With --cli, also `bollyx run` on the sample
// film with the package installed and no compiler on PATH.
// Run by hand after `npm run build`:
//   node bench/whisper-cli-package.mjs [--runs N] [--threads N] [--cli]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildWhisperEngine,
  ensureWhisperEngine,
  findExecutable,
  prebuiltPackageName,
  readWhisperOutput,
  whisperCliArgs,
} from '@bollyx/environment-manager';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, threads: { type: 'string', default: '2' }, cli: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const threads = Number(values.threads);
const work = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-whisper-cli-'));
const CPU = { hasNvidiaGpu: false, isAppleSilicon: false };
const seconds = (started) => ((performance.now() - started) / 1000).toFixed(2).padStart(7);
const show = (label, started, note = '') => console.log(`${label.padEnd(64)} ${seconds(started)} s${note}`);
const sh = (command, args, options = {}) => execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26, ...options });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const folders = (dir) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : []);
const folderBytes = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);

/** A PATH of links to the programs a user without a compiler has: node, npm, ffmpeg, ffprobe, espeak-ng. */
async function pathWithoutCompiler() {
  const bin = path.join(work, 'no-compiler-bin');
  mkdirSync(bin);
  for (const name of ['node', 'npm', 'ffmpeg', 'ffprobe', 'espeak-ng', 'sh']) {
    const found = await findExecutable(name, process.env);
    if (found) symlinkSync(found, path.join(bin, name));
  }
  for (const tool of ['cmake', 'make', 'c++', 'g++', 'cc', 'gcc', 'clang++']) {
    if (await findExecutable(tool, { PATH: bin })) throw new Error(`${tool} is still on the no-compiler PATH`);
  }
  return bin;
}

try {
  let started = performance.now();
  const releaseDir = path.join(work, 'release');
  sh(process.execPath, [path.join(root, 'tools/whisper-cli-release/release.mjs'), '--out', releaseDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const tarball = path.join(releaseDir, readdirSync(releaseDir).find((name) => name.endsWith('.tgz')));
  show('release: portable build (resumed from its CMake folder) and npm pack', started);

  const app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), '{ "name": "bench-app", "private": true }\n');
  started = performance.now();
  sh('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: app });
  show('npm install <tgz> into a fresh folder', started);
  const installed = path.join(app, 'node_modules', prebuiltPackageName());

  const noCompiler = await pathWithoutCompiler();
  started = performance.now();
  const packed = await ensureWhisperEngine({ dir: path.join(work, 'engines'), hardware: CPU, prebuiltFrom: app, env: { PATH: noCompiler } });
  show('ensureWhisperEngine, no compiler on PATH', started, `  (${packed.origin}: ${packed.binary})`);
  if (packed.origin !== 'prebuilt') throw new Error(`expected the prebuilt engine, got ${packed.origin}`);
  if (folders(path.join(work, 'engines')).length > 0) throw new Error('something was built in the scratch engines folder');
  const native = await buildWhisperEngine({ hardware: CPU });

  const model = path.join(work, 'ggml-test-tiny.bin');
  sh(process.execPath, [path.join(root, 'tools/ggml-model/make-model.mjs'), model]);
  const audio = path.join(work, 'sample.wav');
  sh('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', path.join(root, 'samples/sample-hi-en.mp4'), '-ar', '16000', '-ac', '1', '-c:a', 'pcm_s16le', audio]);
  const duration = Number(sh('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', audio]).toString());

  const engines = [
    { label: 'native build (GGML_NATIVE=ON, static)', engine: native, env: process.env, times: [] },
    { label: 'packed prebuilt (portable, CPU variants)', engine: packed, env: { PATH: noCompiler }, times: [] },
  ];
  let variant = 'none';
  for (let run = 0; run < runs; run += 1) {
    // Alternating, first one then the other, so a busy moment slows both.
    for (const entry of run % 2 === 0 ? engines : [...engines].reverse()) {
      entry.prefix = path.join(work, `out-${engines.indexOf(entry)}`);
      const args = whisperCliArgs({ model, input: audio, outputPrefix: entry.prefix, threads, language: 'hi', beamSize: 1, bestOf: 1, noFallback: true });
      const runStarted = performance.now();
      const { status, stderr } = spawnSync(entry.engine.binary, args, { env: entry.env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
      entry.times.push((performance.now() - runStarted) / 1000);
      if (status !== 0) throw new Error(`${entry.engine.binary} exited with ${status}: ${stderr.slice(-2000)}`);
      variant = /load_backend: loaded CPU backend from (\S+)/.exec(stderr)?.[1] ?? variant;
    }
  }
  const outputs = await Promise.all(engines.map((entry) => readWhisperOutput(`${entry.prefix}.json`)));
  const identical = JSON.stringify(outputs[0].transcription) === JSON.stringify(outputs[1].transcription);

  console.log(`\nwhisper-cli on ${duration.toFixed(1)} s of the sample film, test model, ${threads} threads, median of ${runs}:`);
  for (const { label, times } of engines) {
    console.log(`  ${label.padEnd(44)} ${median(times).toFixed(2)} s, fastest ${Math.min(...times).toFixed(2)} s   (${times.map((time) => time.toFixed(2)).join(', ')})`);
  }
  const [nativeTime, packedTime] = engines.map((entry) => median(entry.times));
  console.log(`  packed / native: ${(packedTime / nativeTime).toFixed(2)}×; outputs ${identical ? 'identical' : 'DIFFER'}; CPU variant loaded: ${path.basename(variant)}`);
  console.log(`  tarball ${path.basename(tarball)}: ${megabytes(statSync(tarball).size)} packed, ${megabytes(folderBytes(installed))} installed`);

  if (values.cli) {
    // This machine's settings (a CA bundle for the registry, say) with no compiler on PATH and private folders.
    const env = {
      ...process.env,
      PATH: noCompiler,
      BOLLYX_CACHE_DIR: path.join(work, 'cli-cache'),
      BOLLYX_WORKSPACE: path.join(work, 'cli-work'),
      BOLLYX_PREBUILT_FROM: app,
    };
    started = performance.now();
    const cli = path.join(root, 'apps/cli/bin/bollyx.js');
    const args = [cli, 'run', path.join(root, 'samples/sample-hi-en.mp4'), '-s', 'hi', '-t', 'en', '--model', model, '--json'];
    let exitCode = 0;
    let output;
    try {
      output = sh(process.execPath, args, { env, cwd: work }).toString();
    } catch (error) {
      exitCode = error.status;
      output = `${error.stdout}${error.stderr}`;
    }
    show(`bollyx run on the sample film, no compiler, exit code ${exitCode}`, started);
    const result = JSON.parse(output.trim().split('\n').at(-1));
    console.log(`  ok ${result.ok}: ${result.ok ? result.stages.map((stage) => `${stage.id} ${stage.status}`).join(', ') : result.error.message}`);
    console.log(`  whisper-cli the asr stage ran: ${/"engine":"([^"]+)"/.exec(output)?.[1] ?? 'none'}`);
    const built = folders(path.join(env.BOLLYX_CACHE_DIR, 'engines'));
    console.log(`  engines built by the run: ${built.length === 0 ? 'none' : built.join(', ')}`);
  }
  console.log(`\n${os.cpus()[0]?.model}, ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(2)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
