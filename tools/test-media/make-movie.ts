import { execa } from 'execa';

export type MovieAudioTrack = ({ wav: string } | { tone: number }) & {
  /** Seconds the track starts after the video. */
  offset?: number;
  /** ISO 639-2 language tag, e.g. 'hin'. */
  language?: string;
  title?: string;
};

export interface MakeMovieOptions {
  /** Length of the video in seconds (tone tracks last as long; WAV tracks as long as their file). */
  duration: number;
  /** Audio tracks in stream order: a WAV file (e.g. from makeSpeechClip) or a sine tone of that frequency. */
  audio: readonly MovieAudioTrack[];
}

/**
 * Writes a small movie (a test-pattern video and AAC audio tracks with language tags); the container
 * follows the file's extension (.mp4, .mkv). For test fixtures only.
 */
export async function makeMovie(path: string, options: MakeMovieOptions): Promise<string> {
  const { duration, audio } = options;
  const args = ['-hide_banner', '-loglevel', 'error', '-y'];
  args.push('-f', 'lavfi', '-i', `testsrc2=size=160x90:rate=10:duration=${duration}`);
  for (const track of audio) {
    if (track.offset) args.push('-itsoffset', String(track.offset));
    if ('wav' in track) args.push('-i', track.wav);
    else args.push('-f', 'lavfi', '-i', `sine=frequency=${track.tone}:sample_rate=16000:duration=${duration}`);
  }
  args.push('-map', '0:v');
  audio.forEach((_, index) => args.push('-map', `${index + 1}:a`));
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '32k');
  audio.forEach((track, index) => {
    if (track.language) args.push(`-metadata:s:a:${index}`, `language=${track.language}`);
    if (track.title) args.push(`-metadata:s:a:${index}`, `title=${track.title}`);
  });
  // ffmpeg takes no `--`: the file: protocol prefix keeps a name starting with "-" from reading as an option.
  args.push(`file:${path}`);
  await execa('ffmpeg', args);
  return path;
}
