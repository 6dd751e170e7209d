import { execa } from 'execa';

export interface MakeMediaOptions {
  /** Length in seconds. */
  duration: number;
  /** Include a test-pattern video stream (default true). */
  video?: boolean;
  /** Include a sine-tone audio stream (default true). */
  audio?: boolean;
  /** ISO 639-2 language tag for the audio stream. */
  audioLanguage?: string;
}

/**
 * Writes a small real media file with ffmpeg's lavfi sources; the container follows the file's
 * extension (.mp4, .mkv, .wav, .m4a …). For test fixtures only.
 */
export async function makeMedia(path: string, options: MakeMediaOptions): Promise<string> {
  const { duration, video = true, audio = true } = options;
  const args = ['-hide_banner', '-loglevel', 'error', '-y'];
  if (video) args.push('-f', 'lavfi', '-i', `testsrc2=size=160x90:rate=10:duration=${duration}`);
  if (audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=16000:duration=${duration}`);
  if (video) args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
  if (audio && !path.endsWith('.wav')) args.push('-c:a', 'aac', '-b:a', '32k');
  if (audio && options.audioLanguage) args.push('-metadata:s:a:0', `language=${options.audioLanguage}`);
  // ffmpeg takes no `--`: the file: protocol prefix keeps a name starting with "-" from reading as an option.
  args.push(`file:${path}`);
  await execa('ffmpeg', args);
  return path;
}
