// The VAD stage: Silero VAD in process (onnxruntime-web, one thread) over 10 minutes of 16 kHz audio
// (espeak-ng speech with pauses), with the model of the cache (pulled if missing). Reports seconds of
// audio scored per second of compute. Run by hand after `npm run build`:
//   node bench/vad.mjs [minutes]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pullModel } from '@bollyx/environment-manager';
import { detectSpeech } from '@bollyx/pipeline/stages';

const work = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-vad-'));
const minutes = Number(process.argv[2] ?? 10);
const sh = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
const RUNS = 3;

const SPEECH =
  'The film opens in a crowded railway station in Mumbai. A young clerk waits for a train that never comes. ' +
  'He watches the families, the porters and the tea sellers. One woman carries a letter she has not opened.';

try {
  const raw = path.join(work, 'raw.wav');
  const unit = path.join(work, 'unit.wav');
  const audio = path.join(work, 'audio.wav');
  sh('espeak-ng', ['-w', raw, SPEECH]);
  // Speech then three seconds of silence, looped to the length asked for.
  sh('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', raw, '-af', 'apad=pad_dur=3', '-ar', '16000', '-ac', '1', unit]);
  sh('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-stream_loop', '-1', '-i', unit, '-t', String(minutes * 60), '-c:a', 'pcm_s16le', audio,
  ]);
  const seconds = minutes * 60;
  const modelPath = (await pullModel('silero-vad')).path;
  console.log(`${minutes} min of 16 kHz speech and pauses, ${RUNS} runs, median:`);
  const times = [];
  let segments = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    segments = await detectSpeech({ wavPath: audio, modelPath });
    times.push((performance.now() - started) / 1000);
  }
  const median = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  console.log(`silero-vad ${median.toFixed(2)} s  ${(seconds / median).toFixed(0)}x real time  ${segments.length} segments`);
  console.log(`${os.cpus()[0]?.model}, ${os.availableParallelism()} threads, load average ${os.loadavg()[0].toFixed(2)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
