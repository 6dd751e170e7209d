import { BollyxError } from '@bollyx/errors';

/** The movie has no audio stream, or none at the index asked for. */
export class AudioStreamNotFoundError extends BollyxError {
  constructor(message: string, details: Record<string, unknown>) {
    super('AUDIO_STREAM_NOT_FOUND', message, {
      hint: 'Pick one of the listed audio streams with --audio-stream <N> (0 is the first audio stream)',
      details,
    });
  }
}

/** The input file is not there. */
export class DemuxInputNotFoundError extends BollyxError {
  constructor(input: string) {
    super('DEMUX_INPUT_NOT_FOUND', `Input media not found: ${input}`, {
      hint: 'Check the path, or prepare the job again with `bollyx prepare <movie>`',
      details: { input },
    });
  }
}

/** ffprobe or ffmpeg could not read the input or write the audio. */
export class DemuxFailedError extends BollyxError {
  constructor(input: string, reason: string, cause?: unknown) {
    super('DEMUX_FAILED', `Could not extract audio from ${input}: ${reason}`, {
      hint: `Check that the file plays (\`ffprobe "${input}"\`) and that the output folder is writable and has space`,
      details: { input, reason },
      cause,
    });
  }
}
