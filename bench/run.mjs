// `bollyx run` against the raw whisper-cli on the same 16 kHz WAV, same model, threads and decoding:
//   1. a 10-minute dialogue with long silences and music-like chords (VAD should skip them);
//   2. audio that is all speech (no skipping possible: the pipeline's own overhead);
//   3. a cached re-run of (1).
// Both sides use the synthetic test model (tools/ggml-model; real weights cannot be downloaded here),
// decoded greedily (-bs 1 -bo 1 -nf). bollyx runs with workflow transcribe and no mux.
// Run by hand after `npm run build`:   node bench/run.mjs [minutes]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWhisperEngine, whisperCliArgs } from '@bollyx/environment-manager';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'apps/cli/bin/bollyx.js');
const minutes = Number(process.argv[2] ?? 10);
const work = mkdtempSync(path.join(os.tmpdir(), 'bollyx-bench-run-'));
const threads = os.availableParallelism();
const sh = (command, args, env = {}) =>
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28, env: { ...process.env, ...env } });
const PCM = ['-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le'];

const LINES = [
  ['en', 'Where were you last night? I waited at the station until the last train.'],
  ['hi', 'मैं तुम्हें ढूँढ रहा था, पूरा शहर घूम लिया।'],
  ['en', 'The letter is in the blue box under the bed. Do not open it yet.'],
  ['hi', 'कल सुबह हम गाँव के लिए निकलेंगे।'],
];

/** 16 kHz mono WAV pieces, joined sample-exactly by ffmpeg's concat demuxer. */
function concat(pieces, output) {
  const list = path.join(work, `${path.basename(output)}.txt`);
  writeFileSync(list, pieces.map((piece) => `file '${piece}'\n`).join(''));
  sh('ffmpeg', ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, ...PCM, output]);
  return output;
}
const seconds = (file) => Number(sh('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).toString());

function makeAudio() {
  const speech = LINES.map(([voice, text], index) => {
    const raw = path.join(work, `line-${index}.espeak.wav`);
    sh('espeak-ng', ['-v', voice, '-w', raw, text]);
    const piece = path.join(work, `line-${index}.wav`);
    sh('ffmpeg', ['-v', 'error', '-y', '-i', raw, ...PCM, piece]);
    return piece;
  });
  const silence = path.join(work, 'silence.wav');
  sh('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '9', ...PCM, silence]);
  // A minor chord with a slow tremolo: music-like, not speech.
  const music = path.join(work, 'music.wav');
  sh('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'sine=frequency=220:sample_rate=16000:duration=12',
    '-f', 'lavfi', '-i', 'sine=frequency=261.6:sample_rate=16000:duration=12',
    '-f', 'lavfi', '-i', 'sine=frequency=329.6:sample_rate=16000:duration=12',
    '-filter_complex', 'amix=inputs=3,tremolo=f=2:d=0.4,volume=0.5', ...PCM, music,
  ]);
  const cycle = [speech[0], speech[1], silence, music, speech[2], silence, speech[3], silence];
  const cycleSeconds = cycle.reduce((sum, piece) => sum + seconds(piece), 0);
  const dialogue = concat(Array.from({ length: Math.ceil((minutes * 60) / cycleSeconds) }, () => cycle).flat(), path.join(work, 'dialogue.wav'));
  const allSpeech = concat(Array.from({ length: Math.ceil(180 / speech.reduce((sum, piece) => sum + seconds(piece), 0)) }, () => speech).flat(), path.join(work, 'speech.wav'));
  return { dialogue, allSpeech };
}

function timed(action) {
  const started = performance.now();
  action();
  return (performance.now() - started) / 1000;
}

try {
  const engine = await ensureWhisperEngine();
  const model = path.join(work, 'ggml-test-tiny.bin');
  sh(process.execPath, [path.join(root, 'tools/ggml-model/make-model.mjs'), model]);
  const { dialogue, allSpeech } = makeAudio();
  const env = {
    BOLLYX_WORKSPACE: path.join(work, 'workspace'),
    BOLLYX_MODELS_DIR: path.join(work, 'models'),
    BOLLYX_ASR_BEAM_SIZE: '1',
    BOLLYX_ASR_THREADS: String(threads),
    BOLLYX_OUTPUT_MUX_ENABLED: 'false',
  };
  const bollyx = (wav) => sh(process.execPath, [cli, 'run', wav, '-s', 'en', '--workflow', 'transcribe', '--model', model, '--json'], env);
  const raw = (wav) =>
    sh(engine.binary, whisperCliArgs({ model, input: wav, outputPrefix: path.join(work, 'raw'), threads, language: 'en', beamSize: 1, bestOf: 1, noFallback: true }));
  // Pull the Silero model into the cache once, so the timed runs do what a user's second film does.
  sh(process.execPath, [cli, 'models', 'pull', 'silero-vad'], env);

  const rows = [];
  for (const [label, wav] of [[`${minutes}-minute dialogue, long silences and music`, dialogue], ['all speech', allSpeech]]) {
    const rawSeconds = timed(() => raw(wav));
    const bollyxSeconds = timed(() => bollyx(wav));
    rows.push([label, seconds(wav), bollyxSeconds, rawSeconds]);
  }
  const cached = timed(() => bollyx(dialogue));

  console.log(`whisper.cpp ${engine.version} (${engine.backend}), synthetic tiny model, greedy, ${threads} threads on ${os.cpus()[0]?.model}`);
  for (const [label, audioSeconds, bollyxSeconds, rawSeconds] of rows) {
    console.log(
      `${label} (${audioSeconds.toFixed(0)} s of audio): bollyx run ${bollyxSeconds.toFixed(2)} s, raw whisper-cli ${rawSeconds.toFixed(2)} s, ratio ${(bollyxSeconds / rawSeconds).toFixed(2)}x`,
    );
  }
  console.log(`cached re-run of the dialogue: ${cached.toFixed(2)} s`);
  console.log(`load average ${os.loadavg()[0].toFixed(2)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
