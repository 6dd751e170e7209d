import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { openPcmWav, pcmWavHeader, PCM_WAV_HEADER_BYTES } from '../vad/pcm-wav';
import { VadAudioInvalidError } from '../vad/vad-errors';
import { planSpeechTimeline } from './speech-timeline';
import type { SpeechSpan, SpeechTimeline } from './speech-timeline';

const SAMPLE_RATE = 16_000;
/** whisper.cpp refuses input under a second; shorter speech (or none) is padded with silence. */
const MIN_CONDENSED_SECONDS = 1;
const READ_FRAMES = 65_536;

export interface CondenseSpeechOptions {
  /** The demux stage's 16 kHz mono 16-bit PCM WAV. */
  sourceWav: string;
  spans: readonly SpeechSpan[];
  /** The condensed WAV to write (16 kHz mono 16-bit PCM). */
  output: string;
  /** Silence between spans; default 0.5 s. */
  gapSeconds?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

function toPcm16(samples: Float32Array): Buffer {
  const pcm = Buffer.alloc(samples.length * 2);
  for (let index = 0; index < samples.length; index += 1) {
    pcm.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(samples[index]! * 32768))), index * 2);
  }
  return pcm;
}

/**
 * Writes the speech spans of the source WAV end to end, with a short silence between them, as the WAV
 * Whisper transcribes: it hears no music or silence (where it hallucinates) and spends no time on them.
 * Returns the timeline that maps its times back to the source (`toSourceTime`).
 */
export async function condenseSpeech(options: CondenseSpeechOptions): Promise<SpeechTimeline> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const source = await openPcmWav(options.sourceWav);
  let output: FileHandle | undefined;
  try {
    // The spans are cut at 16 kHz and the header says 16 kHz: other audio would come out at the wrong speed.
    if (source.format.sampleRate !== SAMPLE_RATE) {
      throw new VadAudioInvalidError(options.sourceWav, `sample rate ${source.format.sampleRate} Hz; ${SAMPLE_RATE} Hz needed`);
    }
    const sourceSeconds = source.format.frameCount / SAMPLE_RATE;
    // Spans reaching past the end (VAD padding) are cut to the audio there is.
    const spans = options.spans
      .map((span) => ({ start: Math.max(0, span.start), end: Math.min(span.end, sourceSeconds) }))
      .filter((span) => span.end > span.start);
    const timeline = planSpeechTimeline(spans, options.gapSeconds);
    const sampleRanges = timeline.chunks.map((chunk) => ({
      start: Math.round(chunk.sourceStart * SAMPLE_RATE),
      end: Math.round(chunk.sourceEnd * SAMPLE_RATE),
    }));
    const gapFrames = Math.round(timeline.gapSeconds * SAMPLE_RATE);
    const file = await open(options.output, 'w');
    output = file;
    let written = 0;
    const append = async (pcm: Buffer) => {
      await file.write(pcm, 0, pcm.length, PCM_WAV_HEADER_BYTES + written * 2);
      written += pcm.length / 2;
    };
    let range = 0;
    let rangeStarted = false;
    let position = 0;
    for await (const block of source.blocks(READ_FRAMES)) {
      signal?.throwIfAborted();
      const blockEnd = position + block.length;
      // A block can hold the tail of one span and the heads of the next ones.
      while (range < sampleRanges.length && sampleRanges[range]!.start < blockEnd) {
        const { start, end } = sampleRanges[range]!;
        if (!rangeStarted && range > 0) await append(Buffer.alloc(gapFrames * 2));
        rangeStarted = true;
        const from = Math.max(start, position);
        const to = Math.min(end, blockEnd);
        if (to > from) await append(toPcm16(block.subarray(from - position, to - position)));
        if (end > blockEnd) break;
        range += 1;
        rangeStarted = false;
      }
      position = blockEnd;
      onProgress?.(Math.min(1, position / source.format.frameCount));
    }
    const minFrames = MIN_CONDENSED_SECONDS * SAMPLE_RATE;
    if (written < minFrames) await append(Buffer.alloc((minFrames - written) * 2));
    await file.write(pcmWavHeader({ sampleRate: SAMPLE_RATE, channels: 1, dataBytes: written * 2 }), 0, PCM_WAV_HEADER_BYTES, 0);
    return timeline;
  } finally {
    await output?.close();
    await source.close();
  }
}
