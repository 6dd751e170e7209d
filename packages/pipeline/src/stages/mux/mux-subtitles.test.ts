import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMovie, makePcmQuickTime, makeSpeechClip } from '../../../../../tools/test-media';
import { muxSubtitles } from './mux-subtitles';
import type { SubtitleTrack } from './mux-subtitles';

let dir: string;
let movie: string;
let tracks: SubtitleTrack[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bollyx-mux-'));
  const clip = await makeSpeechClip(join(dir, 'speech.wav'), {
    parts: [
      { silence: 1 },
      { say: 'नमस्ते दोस्तों', voice: 'hi' },
      { silence: 0.5 },
      { say: 'Hello friends', voice: 'en' },
      { silence: 1 },
    ],
  });
  movie = await makeMovie(join(dir, 'film.mp4'), {
    duration: clip.duration,
    audio: [{ wav: clip.path, language: 'hin' }],
  });
  const hindi = join(dir, 'film.hi.srt');
  const english = join(dir, 'film.en.srt');
  await writeFile(
    hindi,
    '1\n00:00:01,234 --> 00:00:02,500\nनमस्ते दोस्तों\n\n2\n00:00:03,000 --> 00:00:04,000\nनमस्ते\n',
  );
  // Written out of order: the earliest cue, not the first block, is the track's first.
  await writeFile(
    english,
    '\uFEFF1\n00:00:03,100 --> 00:00:04,000\nHello friends\n\n2\n00:00:00,567 --> 00:00:01,000\nHello\n',
  );
  tracks = [
    { path: hindi, language: 'hi', title: 'Hindi' },
    { path: english, language: 'en', title: 'English (translated)' },
  ];
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What ffprobe sees in a file, read independently of the stage's own verification. */
async function probe(path: string): Promise<{ type: string; codec: string; language?: string; title?: string }[]> {
  const { stdout } = await execa('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', `file:${path}`]);
  const { streams } = JSON.parse(stdout) as {
    streams: { codec_type: string; codec_name: string; tags?: Record<string, string> }[];
  };
  return streams.map(({ codec_type, codec_name, tags = {} }) => ({
    type: codec_type,
    codec: codec_name,
    ...(codec_type === 'subtitle' && { language: tags.language, title: tags.title ?? tags.handler_name }),
  }));
}

async function firstCue(path: string, track: number): Promise<number> {
  const { stdout } = await execa('ffprobe', [
    '-v', 'error',
    '-select_streams', `s:${track}`,
    '-read_intervals', '%+#2',
    '-show_entries', 'packet=pts_time,size',
    '-of', 'json',
    `file:${path}`,
  ]);
  const { packets } = JSON.parse(stdout) as { packets: { pts_time: string; size: string }[] };
  return Number(packets.find((packet) => Number(packet.size) > 2)?.pts_time);
}

/** A checksum of the video and audio packets: equal when the streams were copied, not re-encoded. */
async function avChecksum(path: string): Promise<string> {
  const { stdout } = await execa('ffmpeg', [
    '-v', 'error',
    '-i', `file:${path}`,
    '-map', '0:v',
    '-map', '0:a',
    '-c', 'copy',
    '-f', 'md5',
    '-',
  ]);
  return stdout;
}

describe('muxSubtitles', () => {
  it.each([
    ['mp4', 'mov_text'],
    ['mkv', 'subrip'],
  ])('writes a %s with one tagged %s track per language, copying video and audio', async (extension, codec) => {
    const output = join(dir, 'output', `film.${extension}`);
    const progress: number[] = [];

    const result = await muxSubtitles({
      video: movie,
      tracks,
      output,
      onProgress: (fraction) => progress.push(fraction),
    });

    expect(await probe(output)).toEqual([
      { type: 'video', codec: 'h264' },
      { type: 'audio', codec: 'aac' },
      { type: 'subtitle', codec, language: 'hin', title: 'Hindi' },
      { type: 'subtitle', codec, language: 'eng', title: 'English (translated)' },
    ]);
    expect(await firstCue(output, 0)).toBeCloseTo(1.234, 2);
    expect(await firstCue(output, 1)).toBeCloseTo(0.567, 2);
    expect(await avChecksum(output)).toBe(await avChecksum(movie));
    expect(
      result.tracks.map(({ language, title, expectedFirstCue }) => ({ language, title, expectedFirstCue })),
    ).toEqual([
      { language: 'hin', title: 'Hindi', expectedFirstCue: 1.234 },
      { language: 'eng', title: 'English (translated)', expectedFirstCue: 0.567 },
    ]);
    expect(progress.at(-1)).toBe(1);
  });

  it.each([
    ['mp4', 'deu'],
    ['mkv', 'ger'],
  ])('tags a %s track with the ISO 639-2 form its container asks for (%s)', async (extension, tag) => {
    const output = join(dir, 'german', `film.${extension}`);
    const german = { path: join(dir, 'film.en.srt'), language: 'de', title: 'Deutsch' } as const;

    await muxSubtitles({ video: movie, tracks: [german], output });

    expect((await probe(output)).at(-1)).toMatchObject({ type: 'subtitle', language: tag });
  });

  it('never writes over the input, even when told to overwrite', async () => {
    const before = await stat(movie);

    await expect(
      muxSubtitles({ video: movie, tracks, output: join(dir, '.', 'film.mp4'), overwrite: true }),
    ).rejects.toMatchObject({
      code: 'MUX_OUTPUT_EXISTS',
      message: expect.stringContaining('is the input video'),
    });
    expect((await stat(movie)).mtimeMs).toBe(before.mtimeMs);
  });

  it('keeps an existing output unless overwrite is set', async () => {
    const output = join(dir, 'existing', 'film.mkv');
    await mkdir(join(dir, 'existing'));
    await writeFile(output, 'an earlier cut');

    await expect(muxSubtitles({ video: movie, tracks, output })).rejects.toMatchObject({ code: 'MUX_OUTPUT_EXISTS' });
    expect(await readFile(output, 'utf8')).toBe('an earlier cut');

    await muxSubtitles({ video: movie, tracks, output, overwrite: true });
    expect(await probe(output)).toHaveLength(4);
    expect(await readdir(join(dir, 'existing'))).toEqual(['film.mkv']);
  });

  it('names bad inputs: an unsupported container, a missing or empty SRT', async () => {
    const empty = join(dir, 'empty.srt');
    await writeFile(empty, '\n');
    const output = join(dir, 'bad', 'film.mkv');

    await expect(muxSubtitles({ video: movie, tracks, output: join(dir, 'film.avi') })).rejects.toMatchObject({
      code: 'MUX_FORMAT_UNSUPPORTED',
    });
    await expect(
      muxSubtitles({ video: movie, tracks: [{ path: empty, language: 'hi', title: 'Hindi' }], output }),
    ).rejects.toMatchObject({
      code: 'MUX_INPUT_INVALID',
      message: expect.stringContaining('no SRT cues'),
    });
    await expect(
      muxSubtitles({ video: movie, tracks: [{ path: join(dir, 'gone.srt'), language: 'hi', title: 'Hindi' }], output }),
    ).rejects.toMatchObject({ code: 'MUX_INPUT_INVALID', message: expect.stringContaining('not found') });
  });

  it('reports an ffmpeg failure and leaves no partial file', async () => {
    // PCM audio fits QuickTime and Matroska but not MP4, so the MP4 mux fails once ffmpeg has started.
    const pcmMovie = await makePcmQuickTime(join(dir, 'camera.mov'), { duration: 2 });
    const outputDir = join(dir, 'failed');

    await expect(muxSubtitles({ video: pcmMovie, tracks, output: join(outputDir, 'film.mp4') })).rejects.toMatchObject({
      code: 'MUX_FAILED',
      message: expect.stringContaining('pcm_s16le'),
    });
    expect(await readdir(outputDir)).toEqual([]);
  });

  it('stops on abort and leaves no partial file', async () => {
    const controller = new AbortController();
    const outputDir = join(dir, 'aborted');

    const run = muxSubtitles({
      video: movie,
      tracks,
      output: join(outputDir, 'film.mkv'),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });

    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(await readdir(outputDir)).toEqual([]);
  });
});
