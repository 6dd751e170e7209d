import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile, makeMedia, makeTruncatedMedia, makeZeroLengthAudio } from '../../../tools/test-media';
import { probeMedia } from './probe-media';

let dir: string;
const fixture = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bollyx-probe-'));
  await Promise.all([
    makeMedia(fixture('movie.mp4'), { duration: 2, audioLanguage: 'hin' }),
    makeMedia(fixture('speech.m4a'), { duration: 1, video: false }),
    makeMedia(fixture('silent film.mp4'), { duration: 1, audio: false }),
    makeTruncatedMedia(fixture('cut.mp4'), { duration: 2 }),
    makeZeroLengthAudio(fixture('nothing.wav')),
    writeFile(fixture('notes.mp4'), 'these are my notes, not a movie\n'),
    writeFile(fixture('empty.mp4'), ''),
    mkdir(fixture('folder.mp4')),
  ]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('probeMedia', () => {
  it('describes a video with audio', async () => {
    const before = await hashFile(fixture('movie.mp4'));
    const info = await probeMedia(fixture('movie.mp4'));
    expect(info).toMatchObject({
      formatName: expect.stringContaining('mp4'),
      audioStreams: [{ index: 1, codec: 'aac', channels: 1, sampleRate: 16000, language: 'hin' }],
      videoStreams: [{ index: 0, codec: 'h264', width: 160, height: 90 }],
    });
    expect(info.durationSeconds).toBeCloseTo(2, 1);
    expect(await hashFile(fixture('movie.mp4'))).toBe(before);
  });

  it('accepts audio without video', async () => {
    const info = await probeMedia(fixture('speech.m4a'));
    expect(info.videoStreams).toEqual([]);
    expect(info.audioStreams).toHaveLength(1);
  });

  it.each([
    ['missing.mp4', 'MEDIA_NOT_FOUND'],
    ['folder.mp4', 'MEDIA_NOT_A_FILE'],
    ['empty.mp4', 'MEDIA_EMPTY'],
    ['notes.mp4', 'MEDIA_UNRECOGNIZED'],
    ['cut.mp4', 'MEDIA_TRUNCATED'],
    ['silent film.mp4', 'MEDIA_NO_AUDIO'],
    ['nothing.wav', 'MEDIA_NO_DURATION'],
  ])('rejects %s with %s and leaves it as it was', async (name, code) => {
    const file = fixture(name);
    const before = code === 'MEDIA_NOT_FOUND' || code === 'MEDIA_NOT_A_FILE' ? undefined : await hashFile(file);
    const error = await probeMedia(file).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code, message: expect.stringContaining(file), hint: expect.any(String) });
    if (before !== undefined) expect(await hashFile(file)).toBe(before);
  });

  it('says why a file is not media, in ffprobe words, and what a truncated file lost', async () => {
    await expect(probeMedia(fixture('notes.mp4'))).rejects.toThrow(/Invalid data found when processing input/);
    await expect(probeMedia(fixture('cut.mp4'))).rejects.toThrow(/mdat box needs \d+ bytes but the file has \d+, and its index \(moov box\) is missing/);
    await expect(probeMedia(fixture('silent film.mp4'))).rejects.toThrow(/it has only video streams/);
  });

  // Root reads any file whatever its mode, so the refusal can only be seen as another user.
  it.skipIf(process.getuid?.() === 0)('rejects a file it may not read', async () => {
    const locked = fixture('locked.mp4');
    await makeMedia(locked, { duration: 1 });
    await chmod(locked, 0o000);
    await expect(probeMedia(locked)).rejects.toMatchObject({ code: 'MEDIA_NOT_READABLE' });
  });
});
