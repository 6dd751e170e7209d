import { BollyxError } from '@bollyx/errors';

/** The video or a subtitle file is missing, unreadable or empty, or the track list is malformed. */
export class MuxInputInvalidError extends BollyxError {
  constructor(path: string, reason: string, cause?: unknown) {
    super('MUX_INPUT_INVALID', `Cannot mux ${path}: ${reason}`, {
      hint: 'Check the path; regenerate the subtitles with `bollyx subtitles` if an .srt is missing or empty',
      details: { path, reason },
      cause,
    });
  }
}

/** The output's extension names a container without soft-subtitle support here. */
export class MuxFormatUnsupportedError extends BollyxError {
  constructor(output: string) {
    super('MUX_FORMAT_UNSUPPORTED', `Cannot mux subtitles into ${output}: only .mp4, .m4v and .mkv are supported`, {
      hint: 'Name the output .mkv (any codec) or .mp4 (H.264/HEVC video with AAC audio)',
      details: { output },
    });
  }
}

/** The output exists (or is the input video itself): muxing never writes over a file. */
export class MuxOutputExistsError extends BollyxError {
  constructor(output: string, isInput: boolean) {
    super(
      'MUX_OUTPUT_EXISTS',
      isInput ? `The mux output ${output} is the input video itself` : `The mux output ${output} already exists`,
      {
        hint: isInput
          ? 'Choose another output path (e.g. --output-dir), the input is never overwritten'
          : 'Delete or move it, choose another path with --output-dir, or pass overwrite to replace it',
        details: { output },
      },
    );
  }
}

/** ffmpeg could not mux (often a codec the container cannot carry). */
export class MuxFailedError extends BollyxError {
  constructor(video: string, reason: string, cause?: unknown) {
    super('MUX_FAILED', `Muxing subtitles into ${video} failed: ${reason}`, {
      hint: 'Mux into .mkv, which carries any video and audio codec, or check that the video plays (`ffprobe <video>`)',
      details: { video, reason },
      cause,
    });
  }
}

/** The muxed file lacks a track, a tag, or shifted the first cue. */
export class MuxVerifyFailedError extends BollyxError {
  constructor(output: string, reason: string, cause?: unknown) {
    super('MUX_VERIFY_FAILED', `The muxed file for ${output} failed verification: ${reason}`, {
      hint: 'Nothing was written. Retry with the other container (.mkv or .mp4) and report the ffmpeg version (`ffmpeg -version`)',
      details: { output, reason },
      cause,
    });
  }
}
