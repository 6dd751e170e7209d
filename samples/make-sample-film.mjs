#!/usr/bin/env node
// Writes samples/sample-hi-en.mp4: ~25 s of espeak-ng Hindi and English dialogue with pauses and a tone,
// over a small test-pattern video, audio tagged `hin`. Reproducible: node samples/make-sample-film.mjs
// Needs espeak-ng and ffmpeg on PATH. Every process gets an argument array, never a shell string.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const output = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sample-hi-en.mp4');
const work = mkdtempSync(path.join(os.tmpdir(), 'bollyx-sample-'));
const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const PCM = ['-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le'];

const parts = [
  { silence: 1 },
  { say: 'नमस्ते। आज हम स्टेशन चलेंगे।', voice: 'hi' },
  { silence: 1.5 },
  { say: 'Good morning. The train leaves at seven.', voice: 'en' },
  { silence: 1 },
  { tone: 2 },
  { silence: 1 },
  { say: 'जल्दी करो, गाड़ी छूट जाएगी।', voice: 'hi' },
  { silence: 1.5 },
  { say: 'Wait for me at the bridge. I will bring the letter.', voice: 'en' },
  { silence: 1.5 },
  { say: 'ठीक है, मैं वहीं मिलूँगा।', voice: 'hi' },
  { silence: 1 },
];

try {
  const pieces = parts.map((part, index) => {
    const piece = path.join(work, `${index}.wav`);
    if ('say' in part) {
      const raw = path.join(work, `${index}.espeak.wav`);
      run('espeak-ng', ['-v', part.voice, '-s', '150', '-w', raw, part.say]);
      run('ffmpeg', ['-v', 'error', '-y', '-i', raw, ...PCM, piece]);
    } else if ('silence' in part) {
      run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', String(part.silence), ...PCM, piece]);
    } else {
      run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=330:sample_rate=16000:duration=${part.tone}`, '-af', 'volume=0.3', ...PCM, piece]);
    }
    return piece;
  });
  const list = path.join(work, 'pieces.txt');
  writeFileSync(list, pieces.map((piece) => `file '${piece}'\n`).join(''));
  const audio = path.join(work, 'audio.wav');
  run('ffmpeg', ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, ...PCM, audio]);
  run('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=10',
    '-i', audio,
    '-shortest',
    '-c:v', 'libx264', '-preset', 'veryslow', '-crf', '40', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '48k',
    '-metadata:s:a:0', 'language=hin', '-metadata:s:a:0', 'title=Hindi and English',
    '-movflags', '+faststart',
    output,
  ]);
  console.log(output);
} finally {
  rmSync(work, { recursive: true, force: true });
}
