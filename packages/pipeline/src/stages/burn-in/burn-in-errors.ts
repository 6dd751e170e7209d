import { BollyxError } from '@bollyx/errors';

/** ffmpeg could not draw the subtitles into a new video (a bad input, no encoder, no space). */
export class BurnInFailedError extends BollyxError {
  constructor(video: string, reason: string, cause?: unknown) {
    super('BURN_IN_FAILED', `Burning subtitles into ${video} failed: ${reason}`, {
      hint: 'burnSubtitles() re-encodes the video with libass drawing the cues: check that it plays (`ffprobe <video>`), that `ffmpeg -filters` lists `subtitles`, and that the output folder has space',
      details: { video, reason },
      cause,
    });
  }
}
