// Shot-change detection time per hour of video: the shots stage's detectShots (ffprobe, then ffmpeg's scdet
// with a metadata report and -progress) against the bare `ffmpeg -i FILM -vf scdet -f null -`, on a generated
// film (tools/test-media makeCutFilm: lavfi patterns cut every 4 s, moving grain so the bitrate is a film's,
// H.264 at x264 `veryfast`), run R times each, interleaved; medians, then seconds per hour of video and the
// stage's overhead over bare ffmpeg. Also times scdet on a 640-wide downscale, to show whether it pays.
// Decoding dominates, so the figures scale with the resolution and the core count (printed).
// Run by hand after `npm run build`: node bench/shots.mjs [minutes=3] [height=1080] [runs=3]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { detectShots } from '@bollyx/pipeline/stages';
import { importTypeScript } from '../tools/import-typescript.mjs';

const minutes = Number(process.argv[2] ?? 3);
const height = Number(process.argv[3] ?? 1080);
const runs = Number(process.argv[4] ?? 3);
if (![minutes, height, runs].every((value) => Number.isFinite(value) && value > 0)) {
  console.error('usage: node bench/shots.mjs [minutes=3] [height=1080] [runs=3]');
  process.exit(2);
}
const FPS = 25;
const SHOT_SECONDS = 4;

const { makeCutFilm } = await importTypeScript(new URL('../tools/test-media/index.ts', import.meta.url));

const dir = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-shots-'));
try {
  const frames = Math.round(minutes * 60 * FPS);
  const cuts = [];
  for (let frame = SHOT_SECONDS * FPS; frame < frames; frame += SHOT_SECONDS * FPS) cuts.push(frame);
  const width = Math.round((height * 16) / 9 / 2) * 2;
  const film = path.join(dir, 'film.mp4');
  let started = performance.now();
  await makeCutFilm(film, { cuts, frames, frameRate: FPS, size: `${width}x${height}`, grain: 12, preset: 'veryfast' });
  const bitrate = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=bit_rate', '-of', 'csv=p=0', film], { encoding: 'utf8' }).trim();
  console.log(`film: ${minutes} min ${width}x${height} ${FPS} fps, ${cuts.length} cuts, ${(Number(bitrate) / 1e6).toFixed(1)} Mb/s, made in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const ffmpeg = (filter) => () => execFileSync('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', film, '-map', '0:v:0', '-vf', filter, '-f', 'null', '-']);
  const variants = {
    'shots stage (detectShots)': async () => {
      const shots = await detectShots({ input: film });
      const found = shots.cuts.map((cut) => cut.frame);
      if (found.join() !== cuts.join()) throw new Error(`detected ${found.length} cuts, expected ${cuts.length}: ${found.slice(0, 10).join(',')}…`);
    },
    'ffmpeg -vf scdet -f null -': ffmpeg('scdet'),
    'ffmpeg -vf scale=640:-2,scdet': ffmpeg('scale=640:-2,scdet'),
  };
  const times = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const [name, variant] of Object.entries(variants)) {
      started = performance.now();
      await variant();
      times[name].push((performance.now() - started) / 1000);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const videoSeconds = frames / FPS;
  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${runs} runs each, medians:`);
  for (const [name, values] of Object.entries(times)) {
    const seconds = median(values);
    console.log(`  ${name.padEnd(32)} ${seconds.toFixed(2)} s  = ${((seconds / videoSeconds) * 3600 / 60).toFixed(1)} min per hour of video (${(videoSeconds / seconds).toFixed(1)}× real time)`);
  }
  const stage = median(times['shots stage (detectShots)']);
  const bare = median(times['ffmpeg -vf scdet -f null -']);
  console.log(`  stage overhead over bare ffmpeg: ${(((stage - bare) / bare) * 100).toFixed(1)} %`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
