import { execa } from 'execa';

/**
 * Writes a WAV file that has an audio stream but not one sample: ffprobe lists the stream and reports
 * no duration. For test fixtures only.
 */
export async function makeZeroLengthAudio(path: string): Promise<string> {
  await execa('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=duration=1', '-t', '0', '-f', 'wav', `file:${path}`]);
  return path;
}
