// The whisper.cpp engine: a cold build into a scratch engines folder (with --cold), the installed engine's
// lookup, writing the test model, and whisper-cli on ~90 s of espeak-ng speech with the test model:
// greedy without temperature fallback (what tests use) against the default beam search with fallback.
// Run by hand after `npm run build`:
//   node bench/asr-engine.mjs [--cold]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWhisperEngine, ensureWhisperEngine, findWhisperEngine, whisperCliArgs } from '@bollyx/environment-manager';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-asr-'));
const threads = os.availableParallelism();
const seconds = (started) => ((performance.now() - started) / 1000).toFixed(2).padStart(7);
const show = (label, started, note = '') => console.log(`${label.padEnd(72)} ${seconds(started)} s${note}`);
const sh = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });

const SPEECH =
  'The film opens in a crowded railway station in Mumbai, where a young clerk waits for a train that never seems to come. ' +
  'He watches the families, the porters and the tea sellers, and he begins to imagine their stories. ' +
  'One woman carries a letter she has not dared to open for three years. A boy sells newspapers that nobody reads any more. ' +
  'An old man sings the same song every evening at exactly seven o’clock. When the train finally arrives, the clerk does not board it. ' +
  'Instead he follows the old man into the city, through markets and temples, across the bridge and down to the sea.';

try {
  if (process.argv.includes('--cold')) {
    const started = performance.now();
    const record = await buildWhisperEngine({ dir: path.join(work, 'engines'), jobs: threads });
    show(`cold build, ${threads} jobs`, started, `  (${record.backend})`);
  }
  let started = performance.now();
  const engine = await ensureWhisperEngine();
  show('ensureWhisperEngine, installed', started);
  started = performance.now();
  await findWhisperEngine();
  show('findWhisperEngine, run check remembered', started);

  const model = path.join(work, 'ggml-test-tiny.bin');
  started = performance.now();
  sh(process.execPath, [path.join(root, 'tools/ggml-model/make-model.mjs'), model]);
  show('write the test model (77.7 MB)', started);

  const speech = path.join(work, 'speech.wav');
  const raw = path.join(work, 'raw.wav');
  sh('espeak-ng', ['-w', raw, SPEECH]);
  sh('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', raw, '-i', raw, '-filter_complex', 'concat=n=2:v=0:a=1', '-ar', '16000', '-ac', '1', '-c:a', 'pcm_s16le', speech]);
  const clip = Number(sh('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', speech]).toString());

  for (const [label, decoding] of [
    ['greedy, no fallback (-bs 1 -bo 1 -nf)', { beamSize: 1, bestOf: 1, noFallback: true }],
    ['default beam search with fallback', {}],
  ]) {
    const args = whisperCliArgs({ model, input: speech, outputPrefix: path.join(work, 'out'), threads, language: 'en', ...decoding });
    started = performance.now();
    sh(engine.binary, args);
    show(`whisper-cli on ${clip.toFixed(1)} s of speech, ${label}`, started);
  }
  console.log(`${engine.backend} engine ${engine.buildKey}; ${threads} threads on ${os.cpus()[0]?.model}, load average ${os.loadavg()[0].toFixed(2)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
