// Cold start of the CLI: the wall time of whole processes as a user starts them, against the floor under
// each (a bare `node -e 0`, the ffprobe that `prepare` runs). Medians and ranges of N runs, interleaved so
// that a busy machine slows every row alike. Run by hand after `npm run build`:
//   node bench/cli-start.mjs [runs] [--against OTHER_REPO_ROOT]
// --against times a second built tree (e.g. a copy of the repo taken before a change, with its own
// node_modules resolving to this one's) in the same run, for a before/after table.
// `prepare` gets a fresh workspace every run; `run <job-id>` re-runs a job that is fully cached. Both share a
// warm hardware cache, as a user's second command does. The cached run uses the synthetic test model
// (tools/ggml-model) and the engine the tests build once in the default engines folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { enginesDir, ensureWhisperEngine } from '@bollyx/environment-manager';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values, positionals } = parseArgs({ allowPositionals: true, options: { against: { type: 'string' } } });
const runs = Number(positionals[0] ?? 10);
const work = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-cli-start-'));
const film = path.join(root, 'samples/sample-hi-en.mp4');
const node = process.execPath;

const sh = (command, args, env) => execFileSync(command, args, { env, cwd: work, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 }).toString();
const lastJson = (stdout) => JSON.parse(stdout.trim().split('\n').at(-1));

/** One built tree of bollyx, its caches warm and a job prepared and run once. */
function setUp(label, treeRoot, model) {
  const dir = path.join(work, label);
  const cli = path.join(treeRoot, 'apps/cli/bin/bollyx.js');
  const env = {
    ...process.env,
    BOLLYX_CACHE_DIR: path.join(dir, 'cache'),
    BOLLYX_MODELS_DIR: path.join(dir, 'models'),
    BOLLYX_ENGINES_DIR: enginesDir(),
    BOLLYX_WORKSPACE: path.join(dir, 'workspace'),
    BOLLYX_ASR_BEAM_SIZE: '1',
  };
  sh(node, [cli, 'hw', '--json'], env);
  const { id } = lastJson(sh(node, [cli, 'prepare', film, '-s', 'hi', '-t', 'en', '--model', model, '--json'], env));
  const first = lastJson(sh(node, [cli, 'run', id, '--json'], env));
  if (!first.ok) throw new Error(`${label}: the first run of ${id} failed: ${JSON.stringify(first)}`);
  let prepared = 0;
  return [
    [`${label}: bollyx --version`, () => [node, [cli, '--version'], env]],
    [`${label}: bollyx --help`, () => [node, [cli, '--help'], env]],
    [`${label}: bollyx hw --json`, () => [node, [cli, 'hw', '--json'], env]],
    [
      `${label}: bollyx prepare (new workspace)`,
      () => [node, [cli, 'prepare', film, '-s', 'hi', '-t', 'en', '--json'], { ...env, BOLLYX_WORKSPACE: path.join(dir, `prepare-${(prepared += 1)}`) }],
    ],
    [`${label}: bollyx run <job-id>, cached`, () => [node, [cli, 'run', id, '--json'], env]],
  ];
}

function time([command, args, env]) {
  const started = performance.now();
  sh(command, args, env);
  return performance.now() - started;
}

try {
  await ensureWhisperEngine();
  const model = path.join(work, 'ggml-test-tiny.bin');
  sh(node, [path.join(root, 'tools/ggml-model/make-model.mjs'), model], process.env);
  const rows = [
    ['node -e 0', () => [node, ['-e', '0'], process.env]],
    // The arguments job-config's probeMedia passes.
    ['ffprobe of the sample film', () => ['ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', `file:${film}`], process.env]],
    ...(values.against === undefined ? [] : setUp('before', path.resolve(values.against), model)),
    ...setUp(values.against === undefined ? 'bollyx' : 'after', root, model),
  ];
  const loadBefore = os.loadavg()[0];
  const samples = rows.map(() => []);
  for (let run = 0; run < runs; run += 1) rows.forEach(([, command], index) => samples[index].push(time(command())));

  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`${'process'.padEnd(width)}  median ms   min–max ms`);
  rows.forEach(([label], index) => {
    const sorted = samples[index].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`${label.padEnd(width)}  ${median.toFixed(0).padStart(9)}   ${sorted[0].toFixed(0)}–${sorted.at(-1).toFixed(0)}`);
  });
  console.log(`${runs} runs each; ${os.cpus().length} CPUs ${os.cpus()[0]?.model}; load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after; node ${process.version}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
