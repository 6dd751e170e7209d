import { execa } from 'execa';

export interface MakeCutFilmOptions {
  /** Frames where a new shot starts (each above 0, rising). */
  cuts: readonly number[];
  /** Frames in all. */
  frames: number;
  frameRate: number;
  /** Frame size, e.g. '320x180' (default). */
  size?: string;
  /** A WAV for the audio track (e.g. from makeSpeechClip); none by default. */
  audio?: string;
  /** Moving grain over every shot (ffmpeg's noise strength, 0–100; default none), for a bitrate like film's. */
  grain?: number;
  /** x264 preset (default ultrafast). */
  preset?: string;
}

// Each shot is a different picture, so every cut is a hard one: patterns with motion and flat colours.
const SOURCES = ['testsrc2', 'smptebars', 'color=c=0x2050a0', 'rgbtestsrc', 'color=c=0xa05020', 'smptehdbars', 'testsrc'];

/**
 * Writes an H.264 film (and AAC audio when a WAV is given) whose shots change exactly at `cuts`: lavfi
 * pattern sources cut to frame counts and concatenated. For test fixtures and benchmarks only.
 */
export async function makeCutFilm(path: string, options: MakeCutFilmOptions): Promise<string> {
  const { cuts, frames, frameRate, size = '320x180' } = options;
  const bounds = [0, ...cuts, frames];
  const args = ['-hide_banner', '-loglevel', 'error', '-y'];
  const graph: string[] = [];
  for (let shot = 0; shot + 1 < bounds.length; shot += 1) {
    const source = SOURCES[shot % SOURCES.length]!;
    args.push('-f', 'lavfi', '-i', `${source}${source.includes('=') ? ':' : '='}s=${size}:r=${frameRate}`);
    const grain = options.grain ? `,noise=alls=${options.grain}:allf=t` : '';
    graph.push(`[${shot}:v]trim=end_frame=${bounds[shot + 1]! - bounds[shot]!},setpts=PTS-STARTPTS,format=yuv420p${grain}[s${shot}]`);
  }
  const shots = bounds.length - 1;
  graph.push(`${Array.from({ length: shots }, (_, shot) => `[s${shot}]`).join('')}concat=n=${shots}:v=1:a=0[v]`);
  if (options.audio) args.push('-i', options.audio);
  args.push('-filter_complex', graph.join(';'), '-map', '[v]');
  if (options.audio) args.push('-map', `${shots}:a`, '-c:a', 'aac', '-b:a', '48k', '-shortest');
  args.push('-c:v', 'libx264', '-preset', options.preset ?? 'ultrafast', '-r', String(frameRate), `file:${path}`);
  await execa('ffmpeg', args);
  return path;
}
