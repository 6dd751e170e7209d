import { AudioStreamNotFoundError } from './demux-errors';
import { tagMatchesLanguage } from '@bollyx/job-config';
import type { Language } from '@bollyx/job-config';
import type { ProbedStream } from './probe-media';

export interface AudioStreamChoice {
  /** The N-th audio stream (0-based, counting audio streams only), as `--audio-stream N` gives it. */
  streamIndex?: number;
  /** The film's source language: the stream tagged with it wins when no index is given. */
  language?: Language;
}

export interface PickedAudioStream {
  stream: ProbedStream;
  /** Position among the audio streams (what `--audio-stream` counts). */
  audioIndex: number;
}

/**
 * Chooses the audio stream to transcribe: the one asked for by index, else the first tagged with the
 * source language, else the first.
 */
export function pickAudioStream(
  input: string,
  streams: readonly ProbedStream[],
  choice: AudioStreamChoice,
): PickedAudioStream {
  const audio = streams.filter((stream) => stream.codec_type === 'audio');
  const available = audio.map((stream, audioIndex) => describe(stream, audioIndex));
  if (audio.length === 0) {
    throw new AudioStreamNotFoundError(`${input} has no audio stream`, { input, available });
  }
  if (choice.streamIndex !== undefined) {
    const stream = Number.isInteger(choice.streamIndex) ? audio[choice.streamIndex] : undefined;
    if (stream === undefined) {
      throw new AudioStreamNotFoundError(
        `${input} has no audio stream ${choice.streamIndex}; it has ${audio.length}: ${available.join('; ')}`,
        { input, requested: choice.streamIndex, available },
      );
    }
    return { stream, audioIndex: choice.streamIndex };
  }
  const { language } = choice;
  const tagged =
    language === undefined ? -1 : audio.findIndex((stream) => tagMatchesLanguage(stream.tags.language, language));
  const audioIndex = Math.max(tagged, 0);
  return { stream: audio[audioIndex] as ProbedStream, audioIndex };
}

function describe(stream: ProbedStream, audioIndex: number): string {
  const facts = [
    stream.tags.language ?? 'no language tag',
    stream.codec_name,
    stream.channels && `${stream.channels} ch`,
    stream.tags.title,
  ];
  return `${audioIndex}: ${facts.filter(Boolean).join(', ')}`;
}
