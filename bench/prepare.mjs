// Wall time of `bollyx prepare` as a user runs it (a new node process each time), on a 1 GB movie and on a
// 10-second clip, plus the library call alone. Run by hand after `npm run build`:
//   node bench/prepare.mjs [runs]
// Media is generated with ffmpeg into a temporary folder on the same file system as the workspace, so the
// default path is the hard link; --copy and --start/--end are timed too for comparison.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repo, 'apps/cli/bin/bollyx.js');
const runs = Number(process.argv[2] ?? 9);
const dir = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-prepare-'));
const env = { ...process.env, BOLLYX_CACHE_DIR: path.join(dir, 'cache'), BOLLYX_WORKSPACE: path.join(dir, 'workspace') };

function ffmpeg(args) {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

function makeFixtures() {
  const base = path.join(dir, 'base.mp4');
  // 10 s of 1080p MPEG-4 at top quality (~30 MB), looped by stream copy to about 1 GB: real, valid media
  // without minutes of encoding.
  ffmpeg([
    '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=25:duration=10',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=10',
    '-c:v', 'mpeg4', '-q:v', '1', '-c:a', 'aac', '-b:a', '128k', base,
  ]);
  const loops = Math.ceil(1024 ** 3 / statSync(base).size) - 1;
  const big = path.join(dir, 'movie-1gb.mp4');
  ffmpeg(['-stream_loop', String(loops), '-i', base, '-c', 'copy', big]);
  const clip = path.join(dir, 'clip-10s.mp4');
  ffmpeg([
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25:duration=10',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=10',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', clip,
  ]);
  return { big, clip };
}

function timeCommand(file, args) {
  const started = performance.now();
  const result = spawnSync(file, args, { env, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${file} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return ms;
}

function summary(label, samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`${label.padEnd(44)} median ${median.toFixed(0).padStart(5)} ms   min ${sorted[0].toFixed(0).padStart(5)} ms   (${samples.length} runs)`);
}

function bench(label, file, args, count = runs) {
  summary(label, Array.from({ length: count }, () => timeCommand(file, args)));
}

const node = process.execPath;

try {
  const { big, clip } = makeFixtures();
  console.log(`1 GB file: ${(statSync(big).size / 1024 ** 3).toFixed(2)} GiB; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}`);
  // The first run detects the hardware and caches the profile; a user's later runs read the cache.
  timeCommand(node, [cli, 'hw', '--json']);

  // The floor under any `bollyx prepare`: a node process and an ffprobe process.
  bench('floor: node -e ""', node, ['-e', '']);
  bench('floor: ffprobe of the 1 GB movie', 'ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', `file:${big}`]);
  bench('bollyx prepare 1 GB movie (hard link)', node, [cli, 'prepare', big, '--json']);
  bench('bollyx prepare 10 s clip (hard link)', node, [cli, 'prepare', clip, '--json']);
  bench('bollyx prepare 1 GB movie --copy', node, [cli, 'prepare', big, '--copy', '--json'], 3);
  bench('bollyx prepare 1 GB movie --start 60 --end 70', node, [cli, 'prepare', big, '--start', '60', '--end', '70', '--json'], 3);

  const { prepareJob } = await import(path.join(repo, 'packages/job-config/dist/index.js'));
  const inProcess = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await prepareJob(big, { workspace: path.join(dir, 'workspace') });
    inProcess.push(performance.now() - started);
  }
  summary('prepareJob() in process, 1 GB (hard link)', inProcess);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
