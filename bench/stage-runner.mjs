// Pipeline engine overhead: 50 no-op in-process stages, 50 `true` binaries, a fully cached re-run of 50
// stages, and a cached re-run of a pipeline shaped like the real one (demux → vad → asr → translate →
// subtitles → mux) with a 1 GiB movie input and a 1 GiB muxed output, with and without the persisted hash
// cache. Run by hand after `npm run build` in packages/stage-runner:
//   node bench/stage-runner.mjs [runs]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { writeFile, truncate } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { binary, inProcess, runPipeline } from '@bollyx/stage-runner';

const runs = Number(process.argv[2] ?? 5);
const STAGES = 50;
const GIB = 1024 ** 3;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-stage-runner-'));
let jobCount = 0;
const newJob = () => path.join(scratch, `job-${(jobCount += 1)}`);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const show = (label, samples, per = 1) =>
  console.log(
    `${label.padEnd(52)} median ${(median(samples) / per).toFixed(2).padStart(8)} ms` +
      `  (min ${(Math.min(...samples) / per).toFixed(2)}, max ${(Math.max(...samples) / per).toFixed(2)})`,
  );

async function timed(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** A chain: each stage needs the one before, so nothing overlaps and the time is the engine's per-stage cost. */
const chain = (make) => Array.from({ length: STAGES }, (_, index) => make(`s${index}`, index === 0 ? [] : [`s${index - 1}`]));
const noOp = (id, needs) => ({ id, version: '1', needs, run: inProcess(async () => undefined) });
const noOpWithOutput = (id, needs) => ({
  id,
  version: '1',
  needs,
  outputs: [`out/${id}.txt`],
  run: inProcess((ctx) => writeFile(ctx.outputs[0], id)),
});
const trueBinary = (id, needs) => ({ id, version: '1', needs, run: binary({ command: 'true', args: () => [] }) });

// The real pipeline's shape and file sizes; each stage writes its outputs instantly (sparse for the big ones).
function realShaped(movie) {
  const write = (sizes) => inProcess(async (ctx) => {
    for (const [index, size] of sizes.entries()) {
      await writeFile(ctx.outputs[index], '');
      await truncate(ctx.outputs[index], size);
    }
  });
  return [
    { id: 'demux', version: '1', inputs: [movie], outputs: ['audio/audio.wav'], run: write([230 * 1024 * 1024]) },
    { id: 'vad', version: '1', needs: ['demux'], outputs: ['audio/speech.json'], run: write([40_000]) },
    { id: 'asr', version: '1', needs: ['vad'], outputs: ['transcripts/hi.json'], run: write([2_000_000]) },
    { id: 'translate', version: '1', needs: ['asr'], outputs: ['transcripts/en.json'], run: write([2_000_000]) },
    { id: 'subtitles', version: '1', needs: ['asr', 'translate'], outputs: ['subtitles/hi.srt', 'subtitles/en.srt'], run: write([150_000, 150_000]) },
    { id: 'mux', version: '1', inputs: [movie], needs: ['subtitles'], outputs: ['output/movie.mkv'], run: write([GIB]) },
  ];
}

try {
  console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), ${runs} runs each; chains of ${STAGES} stages\n`);

  const fresh = { noop: [], output: [], binary: [] };
  const cached = { stat: [], rehash: [] };
  for (let run = 0; run < runs; run += 1) {
    fresh.noop.push(await timed(() => runPipeline(chain(noOp), { jobDir: newJob() })));
    const jobDir = newJob();
    fresh.output.push(await timed(() => runPipeline(chain(noOpWithOutput), { jobDir })));
    cached.stat.push(await timed(() => runPipeline(chain(noOpWithOutput), { jobDir })));
    cached.rehash.push(await timed(() => runPipeline(chain(noOpWithOutput), { jobDir, rehash: true })));
    fresh.binary.push(await timed(() => runPipeline(chain(trueBinary), { jobDir: newJob() })));
  }
  show('in-process no-op, per stage', fresh.noop, STAGES);
  show('in-process writing one small output, per stage', fresh.output, STAGES);
  show('`true` binary, per stage', fresh.binary, STAGES);
  show(`cached re-run of ${STAGES} stages (size+mtime+inode), whole run`, cached.stat);
  show(`cached re-run of ${STAGES} stages (rehash: true), whole run`, cached.rehash);

  console.log('\nreal-pipeline shape, 1 GiB movie in, 1 GiB mkv out (sparse files: hashing is CPU-bound here)');
  const movie = path.join(scratch, 'movie.mkv');
  writeFileSync(movie, '');
  truncateSync(movie, GIB);
  const real = { first: [], cachedWarm: [], cachedNoHashCache: [], rehash: [], childProcess: [], bareNode: [] };
  for (let run = 0; run < runs; run += 1) {
    const jobDir = newJob();
    real.first.push(await timed(() => runPipeline(realShaped(movie), { jobDir })));
    real.cachedWarm.push(await timed(() => runPipeline(realShaped(movie), { jobDir })));
    // A new process: the import, the JIT warm-up and the lock, as `bollyx run` would pay them.
    const child = String.raw`
      const started = performance.now();
      const { runPipeline, inProcess } = await import('@bollyx/stage-runner');
      const stage = (id, needs, inputs, outputs) => ({ id, version: '1', needs, inputs, outputs, run: inProcess(async () => undefined) });
      const movie = process.argv[1];
      const summary = await runPipeline([
        stage('demux', [], [movie], ['audio/audio.wav']),
        stage('vad', ['demux'], [], ['audio/speech.json']),
        stage('asr', ['vad'], [], ['transcripts/hi.json']),
        stage('translate', ['asr'], [], ['transcripts/en.json']),
        stage('subtitles', ['asr', 'translate'], [], ['subtitles/hi.srt', 'subtitles/en.srt']),
        stage('mux', ['subtitles'], [movie], ['output/movie.mkv']),
      ], { jobDir: process.argv[2] });
      if (summary.stages.some((s) => s.status !== 'cached')) throw new Error('expected a fully cached run');
      process.stdout.write(String(performance.now() - started));`;
    const childStarted = performance.now();
    execFileSync(process.execPath, ['--input-type=module', '-e', child, movie, jobDir], { cwd: path.dirname(new URL(import.meta.url).pathname) });
    real.childProcess.push(performance.now() - childStarted);
    const bareStarted = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    real.bareNode.push(performance.now() - bareStarted);
    // The hash cache is per host: manifests/file-hashes.<host>.json.
    for (const name of readdirSync(path.join(jobDir, 'manifests')).filter((file) => file.startsWith('file-hashes.'))) {
      rmSync(path.join(jobDir, 'manifests', name));
    }
    real.cachedNoHashCache.push(await timed(() => runPipeline(realShaped(movie), { jobDir })));
    real.rehash.push(await timed(() => runPipeline(realShaped(movie), { jobDir, rehash: true })));
  }
  show('first run (hashes the movie and every output)', real.first);
  show('cached re-run, hash cache kept', real.cachedWarm);
  show('cached re-run in a new node process (wall, incl. start)', real.childProcess);
  show('  for comparison: a bare `node -e 0`', real.bareNode);
  show('cached re-run, hash cache deleted (re-hashes 2.2 GiB)', real.cachedNoHashCache);
  show('cached re-run, rehash: true', real.rehash);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
