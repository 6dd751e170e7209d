import { execa } from 'execa';

/**
 * Writes a QuickTime movie with uncompressed PCM audio (as cameras and editors export them) whatever
 * the file's extension: named .mp4, its audio cannot be stream-copied into an MP4, which only takes
 * compressed audio. For test fixtures only.
 */
export async function makePcmQuickTime(path: string, options: { duration: number }): Promise<string> {
  const { duration } = options;
  await execa('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=160x90:rate=10:duration=${duration}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=16000:duration=${duration}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
    '-c:a', 'pcm_s16le',
    '-f', 'mov', `file:${path}`,
  ]);
  return path;
}
