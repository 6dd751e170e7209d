import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

const SAMPLE_RATE = 16_000;

export type SpeechClipPart =
  | { say: string; voice: 'en' | 'hi' }
  | { silence: number }
  | { tone: number; frequency?: number };

export interface SpokenInterval {
  /** Seconds from the start of the clip. */
  start: number;
  end: number;
  say: string;
  voice: 'en' | 'hi';
}

export interface SpeechClip {
  path: string;
  /** Seconds. */
  duration: number;
  /** Where each spoken part landed, tight around the voice (espeak's leading and trailing silence cut). */
  speech: SpokenInterval[];
}

/**
 * Writes a 16 kHz mono 16-bit WAV of espeak-ng speech, silences and sine tones, in order, and returns
 * where each spoken part was placed. For test fixtures only.
 */
export async function makeSpeechClip(path: string, options: { parts: readonly SpeechClipPart[] }): Promise<SpeechClip> {
  const work = await mkdtemp(join(tmpdir(), 'bollyx-speech-'));
  try {
    const pieces: string[] = [];
    const speech: SpokenInterval[] = [];
    let offsetSamples = 0;
    for (const [index, part] of options.parts.entries()) {
      const piece = join(work, `${index}.wav`);
      await renderPart(part, piece, work, index);
      pieces.push(piece);
      const samples = await sampleCount(piece);
      if ('say' in part) {
        speech.push({
          start: offsetSamples / SAMPLE_RATE,
          end: (offsetSamples + samples) / SAMPLE_RATE,
          say: part.say,
          voice: part.voice,
        });
      }
      offsetSamples += samples;
    }
    // Every piece is already 16 kHz mono s16le, so the concat demuxer joins them sample-exactly.
    const list = join(work, 'pieces.txt');
    await writeFile(list, pieces.map((piece) => `file '${piece}'\n`).join(''));
    await execa('ffmpeg', [
      '-hide_banner',
      '-loglevel', 'error',
      '-y',
      '-f', 'concat',
      '-safe', '0',
      '-i', list,
      '-c:a', 'pcm_s16le',
      `file:${path}`,
    ]);
    return { path, duration: offsetSamples / SAMPLE_RATE, speech };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const PCM_OUT = ['-ac', '1', '-ar', String(SAMPLE_RATE), '-c:a', 'pcm_s16le'];

async function renderPart(part: SpeechClipPart, piece: string, work: string, index: number): Promise<void> {
  const ffmpeg = ['-hide_banner', '-loglevel', 'error', '-y'];
  if ('say' in part) {
    const raw = join(work, `${index}.espeak.wav`);
    await execa('espeak-ng', ['-v', part.voice, '-w', raw, part.say]);
    // Cut espeak's lead-in and tail below -50 dB, so the interval covers the voice and nothing else.
    const trim = 'silenceremove=start_periods=1:start_threshold=-50dB';
    await execa('ffmpeg', [...ffmpeg, '-i', raw, '-af', `${trim},areverse,${trim},areverse`, ...PCM_OUT, piece]);
  } else if ('silence' in part) {
    await execa('ffmpeg', [
      ...ffmpeg,
      '-f', 'lavfi',
      '-i', `anullsrc=r=${SAMPLE_RATE}:cl=mono`,
      '-t', String(part.silence),
      ...PCM_OUT,
      piece,
    ]);
  } else {
    const source = `sine=frequency=${part.frequency ?? 440}:sample_rate=${SAMPLE_RATE}:duration=${part.tone}`;
    await execa('ffmpeg', [...ffmpeg, '-f', 'lavfi', '-i', source, ...PCM_OUT, piece]);
  }
}

async function sampleCount(wav: string): Promise<number> {
  const { stdout } = await execa('ffprobe', [
    '-v', 'error',
    '-select_streams', 'a:0',
    '-show_entries', 'stream=duration_ts',
    '-of', 'csv=p=0',
    wav,
  ]);
  return Number(stdout.trim());
}
