// Films through the BullMQ queue (@bollyx/queue) on a private redis-server, against running them directly:
//   1. overhead: one short film run N times by `subtitleMovie` (what `bollyx run` calls) and N times through
//      the queue (`submitFilms`, one in-process `startWorker` already waiting, the clock stopped when a
//      `queueStatus` sees the job completed), interleaved, each run in a fresh workspace so nothing is
//      cached; medians and the queue's overhead in percent (the aim: ≤ 5 %); and, for scale, the
//      `bollyx run` CLI as a user starts it (a new node process: its start and module loading included);
//   2. throughput: F different films submitted at once to 1, 2 and 3 `bollyx worker` processes sharing one
//      workspace and cache (as tools/test-film-machine sets them up), timed from the submit until
//      `queueStatus` (polled every 250 ms) reports all of them completed; films per minute and speed-up.
// The films are ~5 s of espeak-ng speech in a tiny mp4 (made with ffmpeg as tools/test-media does), run with
// the synthetic test model (tools/ggml-model), decoded greedily (BOLLYX_ASR_BEAM_SIZE=1), workflow
// transcribe, no VAD, no mux. Each whisper-cli uses the threads the hardware recommendation gives it, so
// workers beyond the core count compete for the same cores: the table prints the core count.
// Needs ffmpeg, espeak-ng and redis-server (Debian's, as the tests use). Run by hand after `npm run build`:
//   node bench/queue.mjs [runs=7] [films=6] [workers=1,2,3]
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { enginesDir, ensureWhisperEngine } from '@bollyx/environment-manager';
import { subtitleMovie } from '@bollyx/pipeline';
import { cleanQueue, queueStatus, startWorker, submitFilms } from '@bollyx/queue';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'apps/cli/bin/bollyx.js');
const runs = Number(process.argv[2] ?? 7);
const filmCount = Number(process.argv[3] ?? 6);
const workerCounts = (process.argv[4] ?? '1,2,3').split(',').map(Number);
if (![runs, filmCount, ...workerCounts].every((value) => Number.isInteger(value) && value > 0)) {
  console.error('usage: node bench/queue.mjs [runs=7] [films=6] [workers=1,2,3]');
  process.exit(2);
}
const REDIS_SERVER = '/usr/bin/redis-server';
const SENTENCE = 'Hello, my friend. The train leaves at seven.';
const SENTENCES = 2;
const QUEUE = 'films';
const POLL_MS = 250;
const ROUND_TIMEOUT_MS = 10 * 60_000;

const work = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-queue-'));
const sh = (command, args, env = process.env) =>
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26, env }).toString();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const s = (ms) => (ms / 1000).toFixed(2);
const percent = (value) => `${value >= 0 ? '+' : ''}${value.toFixed(1)} %`;
const range = (samples) => `${s(Math.min(...samples))}–${s(Math.max(...samples))}`;

/** A plain-text table with right-aligned columns after the first. */
function table(header, rows) {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log([line(all[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...all.slice(1).map(line)].join('\n'));
}

// --- media, as tools/test-media's makeSpeechClip and makeMovie make them ---
const PCM = ['-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le'];
const FFMPEG = ['-hide_banner', '-loglevel', 'error', '-y'];

/** 0.5 s silence, SENTENCES spoken English sentences (espeak's lead-in and tail trimmed), 0.5 s silence. */
function makeSpeech(output) {
  const pieces = [];
  const silence = path.join(work, 'silence.wav');
  sh('ffmpeg', [...FFMPEG, '-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '0.5', ...PCM, silence]);
  const raw = path.join(work, 'sentence.espeak.wav');
  sh('espeak-ng', ['-v', 'en', '-w', raw, SENTENCE]);
  const spoken = path.join(work, 'sentence.wav');
  const trim = 'silenceremove=start_periods=1:start_threshold=-50dB';
  sh('ffmpeg', [...FFMPEG, '-i', raw, '-af', `${trim},areverse,${trim},areverse`, ...PCM, spoken]);
  pieces.push(silence, ...Array.from({ length: SENTENCES }, () => spoken), silence);
  const list = path.join(work, 'pieces.txt');
  writeFileSync(list, pieces.map((piece) => `file '${piece}'\n`).join(''));
  sh('ffmpeg', [...FFMPEG, '-f', 'concat', '-safe', '0', '-i', list, '-c:a', 'pcm_s16le', output]);
  return Number(sh('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', output]));
}

/** A test-pattern mp4 with the speech as its AAC track; `title` makes each film's bytes its own. */
function makeFilm(wav, duration, output, title) {
  sh('ffmpeg', [
    ...FFMPEG,
    '-f', 'lavfi', '-i', `testsrc2=size=160x90:rate=10:duration=${duration}`,
    '-i', wav,
    '-map', '0:v', '-map', '1:a',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '32k',
    '-metadata:s:a:0', 'language=eng', '-metadata', `title=${title}`,
    `file:${output}`,
  ]);
  return output;
}

// --- a private redis-server, as tools/test-redis starts it: its own port and folder, nothing saved ---
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis(dir) {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const server = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (;;) {
    if (server.exitCode !== null) throw new Error(`redis-server exited with ${server.exitCode} on port ${port}`);
    const pong = (() => {
      try {
        return sh('redis-cli', ['-p', String(port), 'ping']).trim();
      } catch {
        return '';
      }
    })();
    if (pong === 'PONG') break;
    await sleep(50);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      process.kill(server.pid, 'SIGTERM');
      await exited;
    },
  };
}

// --- `bollyx worker` processes ---
const children = new Set();

/** A `bollyx worker --json` child in its own process group (a kill takes its whisper-cli too), its events timestamped. */
function spawnWorker(redisUrl, env) {
  const child = spawn(process.execPath, [cli, 'worker', '--json', '--redis', redisUrl, '--queues', QUEUE], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const worker = { child, name: undefined, events: [], stderr: '' };
  child.stderr.on('data', (chunk) => (worker.stderr += chunk));
  const ready = new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready: ${worker.stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        return;
      }
      worker.events.push({ at: performance.now(), ...event });
      if (event.type === 'worker-ready') {
        worker.name = event.worker;
        resolve(worker);
      }
    });
  });
  return ready;
}

/** SIGTERM (the worker's graceful stop), then SIGKILL of its process group if it is still there after 10 s. */
async function stopWorker({ child }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

/** Polls queueStatus until every id is completed; throws on a failed one or after ROUND_TIMEOUT_MS. */
async function waitForCompleted(redis, ids, pollMs) {
  const wanted = new Set(ids);
  const deadline = Date.now() + ROUND_TIMEOUT_MS;
  for (;;) {
    const status = await queueStatus({ redis, queues: [QUEUE] });
    const jobs = status.queues[0].jobs.filter((job) => wanted.has(job.id));
    const failed = jobs.find((job) => job.state === 'failed');
    if (failed) throw new Error(`job ${failed.id} failed: ${JSON.stringify(failed.failure)}`);
    if (jobs.length === wanted.size && jobs.every((job) => job.state === 'completed')) return;
    if (Date.now() > deadline) throw new Error(`not done after ${ROUND_TIMEOUT_MS / 1000} s: ${JSON.stringify(jobs.map((job) => job.state))}`);
    await sleep(pollMs);
  }
}

let redis;
const cleanUp = async () => {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  await redis?.stop().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
};
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

try {
  if (!existsSync(REDIS_SERVER)) throw new Error(`${REDIS_SERVER} is not installed (apt-get install redis-server)`);
  const started = performance.now();
  const loadBefore = os.loadavg();
  const engine = await ensureWhisperEngine();
  const model = path.join(work, 'ggml-test-tiny.bin');
  sh(process.execPath, [path.join(root, 'tools/ggml-model/make-model.mjs'), model, '--seed', '7']);
  // The Silero file the test machine seeds (tools/silero-model), so nothing looks for the network.
  const models = path.join(work, 'models');
  mkdirSync(models, { recursive: true });
  copyFileSync(createRequire(import.meta.url).resolve('@ricky0123/vad-web/dist/silero_vad_v6.onnx'), path.join(models, 'silero-vad-v5.onnx'));

  const speech = path.join(work, 'speech.wav');
  const duration = makeSpeech(speech);
  const films = Array.from({ length: filmCount }, (_, index) => makeFilm(speech, duration, path.join(work, `film-${index + 1}.mp4`), `film ${index + 1}`));
  const single = makeFilm(speech, duration, path.join(work, 'single.mp4'), 'single');

  // The film machine's settings (tools/test-film-machine): a shared cache and models, the engine built once.
  const machineEnv = {
    BOLLYX_CACHE_DIR: path.join(work, 'cache'),
    BOLLYX_ENGINES_DIR: enginesDir(),
    BOLLYX_MODELS_DIR: models,
    BOLLYX_ASR_BEAM_SIZE: '1',
  };
  // subtitleMovie and the in-process worker read them from this process's environment, as the CLI does.
  Object.assign(process.env, machineEnv);
  const settings = { sourceLanguage: 'en', workflow: 'transcribe', model, vad: false, mux: false };
  redis = await startRedis(path.join(work, 'redis'));

  const cores = os.availableParallelism();
  console.log(`node ${process.version}, ${cores} cores (${os.cpus()[0]?.model}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`whisper.cpp ${engine.version} (${engine.backend}), synthetic tiny model, greedy; redis-server ${sh(REDIS_SERVER, ['--version']).match(/v=(\S+)/)?.[1]}`);
  console.log(`films: ${duration.toFixed(2)} s each (${SENTENCES} spoken sentences), workflow transcribe, no VAD, no mux\n`);

  // ---- 1. one film: subtitleMovie against the queue ----
  let workspaces = 0;
  const freshWorkspace = () => path.join(work, `ws-${(workspaces += 1)}`);
  const direct = async () => {
    const workspace = freshWorkspace();
    const t0 = performance.now();
    const summary = await subtitleMovie(single, { ...settings, workspace });
    const ms = performance.now() - t0;
    if (!summary.stages.every((stage) => stage.status === 'ran')) throw new Error(`expected a fresh run: ${JSON.stringify(summary.stages)}`);
    return ms;
  };
  const queued = async () => {
    const workspace = freshWorkspace();
    const w0 = performance.now();
    let done;
    const finished = new Promise((resolve, reject) => {
      done = { resolve, reject };
    });
    finished.catch(() => undefined);
    const worker = await startWorker({
      redis: redis.url,
      queues: [QUEUE],
      workspace,
      onEvent: (event) => {
        if (event.type === 'job-done') done.resolve(event.summary);
        if (event.type === 'job-failed') done.reject(new Error(JSON.stringify(event.failure)));
      },
    });
    const workerStart = performance.now() - w0;
    try {
      const t0 = performance.now();
      const [id] = await submitFilms([single], { redis: redis.url, queue: QUEUE, settings, attempts: 1 });
      const summary = await finished;
      // Polled only once the film is done, so the polling takes no CPU from the film.
      await waitForCompleted(redis.url, [id], 10);
      const ms = performance.now() - t0;
      if (!summary.stages.every((stage) => stage.status === 'ran')) throw new Error(`expected a fresh run: ${JSON.stringify(summary.stages)}`);
      return { ms, workerStart };
    } finally {
      await worker.close();
    }
  };
  const cliRun = () => {
    const env = { ...process.env, BOLLYX_WORKSPACE: freshWorkspace() };
    const t0 = performance.now();
    sh(process.execPath, [cli, 'run', single, '-s', 'en', '--workflow', 'transcribe', '--model', model, '--no-vad', '--no-mux', '--json'], env);
    return performance.now() - t0;
  };

  // One of each first, untimed: module loading, JIT, the hardware profile in the cache.
  await direct();
  await queued();
  cliRun();
  const timings = { direct: [], queued: [], workerStart: [], cli: [] };
  for (let run = 0; run < runs; run += 1) {
    // Alternating the order, so a drift in the machine's load falls on both alike.
    const order = run % 2 === 0 ? ['direct', 'queued', 'cli'] : ['cli', 'queued', 'direct'];
    for (const side of order) {
      if (side === 'direct') timings.direct.push(await direct());
      else if (side === 'cli') timings.cli.push(cliRun());
      else {
        const { ms, workerStart } = await queued();
        timings.queued.push(ms);
        timings.workerStart.push(workerStart);
      }
    }
  }
  await cleanQueue({ redis: redis.url, queues: [QUEUE] });
  const overhead = (median(timings.queued) / median(timings.direct) - 1) * 100;
  console.log(`1. one film, ${runs} runs each, interleaved, fresh workspace each (seconds)`);
  table(
    ['how', 'median', 'min–max', 'vs direct'],
    [
      ['subtitleMovie (what `bollyx run` runs)', s(median(timings.direct)), range(timings.direct), ''],
      ['submitFilms → worker → completed', s(median(timings.queued)), range(timings.queued), percent(overhead)],
      ['`bollyx run` CLI process (reference)', s(median(timings.cli)), range(timings.cli), percent((median(timings.cli) / median(timings.direct) - 1) * 100)],
    ],
  );
  const paired = timings.queued.map((ms, index) => (ms / timings.direct[index] - 1) * 100);
  console.log(`queue overhead: ${overhead.toFixed(1)} % of the median (aim ≤ 5 %); per pair, median ${median(paired).toFixed(1)} %, ${Math.min(...paired).toFixed(1)} to ${Math.max(...paired).toFixed(1)} %`);
  console.log(`(startWorker until ready, not in the times above: median ${(median(timings.workerStart)).toFixed(0)} ms)\n`);

  // ---- 2. F films on 1, 2, 3 worker processes ----
  const rows = [];
  let baseline;
  for (const count of workerCounts) {
    // A fresh shared workspace each round: the same films in the last one's would be finished jobs.
    const env = { ...process.env, ...machineEnv, BOLLYX_WORKSPACE: freshWorkspace() };
    const workers = await Promise.all(Array.from({ length: count }, () => spawnWorker(redis.url, env)));
    let ids;
    let wallMs;
    const t0 = performance.now();
    try {
      ids = await submitFilms(films, { redis: redis.url, queue: QUEUE, settings, attempts: 1 });
      await waitForCompleted(redis.url, ids, POLL_MS);
      wallMs = performance.now() - t0;
    } finally {
      await Promise.all(workers.map(stopWorker));
    }
    const starts = new Map();
    const perFilm = [];
    const perWorker = [];
    for (const worker of workers) {
      let ran = 0;
      for (const event of worker.events) {
        if (event.type === 'job-start') starts.set(event.id, event.at);
        if (event.type === 'job-done' && ids.includes(event.id)) {
          perFilm.push(event.at - starts.get(event.id));
          ran += 1;
        }
      }
      perWorker.push(ran);
    }
    const lastDone = Math.max(...workers.flatMap((worker) => worker.events.filter((event) => event.type === 'job-done').map((event) => event.at))) - t0;
    await cleanQueue({ redis: redis.url, queues: [QUEUE] });
    baseline ??= wallMs;
    rows.push([
      String(count),
      s(wallMs),
      s(lastDone),
      ((filmCount / wallMs) * 60_000).toFixed(2),
      `${(baseline / wallMs).toFixed(2)}x`,
      s(median(perFilm)),
      perWorker.join('+'),
    ]);
  }
  console.log(`2. ${filmCount} films at once on N \`bollyx worker\` processes (--queues ${QUEUE}, concurrency 1 each), one shared workspace; ${cores} cores`);
  table(['workers', 'submit→all completed s', 'last job-done s', 'films/min', 'speed-up', 'per film s (median)', 'films per worker'], rows);
  console.log(`(completion seen by polling queueStatus every ${POLL_MS} ms; "last job-done" is the last worker's own event)`);
  console.log(`each whisper-cli takes ${Math.min(cores, 8)} threads (the hardware recommendation: the cores, at most 8), so parallel workers share the cores`);
  if (workerCounts.some((count) => count > cores)) console.log(`${cores} cores: more workers than cores share them, so the throughput flattens there.`);
  console.log(`\nload average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; bench took ${((performance.now() - started) / 60_000).toFixed(1)} min`);
} finally {
  await cleanUp();
}
