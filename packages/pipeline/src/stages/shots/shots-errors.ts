import { BollyxError } from '@bollyx/errors';

/** ffprobe or ffmpeg could not read the movie's video to find its shot changes. */
export class ShotsFailedError extends BollyxError {
  constructor(input: string, reason: string, cause?: unknown) {
    super('SHOTS_FAILED', `Could not find the shot changes of ${input}: ${reason}`, {
      hint: `Check that the video plays (\`ffprobe "${input}"\`); detectShots() decodes its first video stream with ffmpeg's scdet filter`,
      details: { input, reason },
      cause,
    });
  }
}
