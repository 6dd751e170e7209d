import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSubtitleFile } from './read-subtitle-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-subtitles-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = async (name: string, content: string | Uint8Array) => {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
};

describe('readSubtitleFile', () => {
  it('reads SRT and WebVTT by extension, and sniffs WebVTT without one', async () => {
    const srt = await write('a.srt', '1\n00:00:01,000 --> 00:00:02,000\nनमस्ते\n');
    expect(await readSubtitleFile(srt)).toEqual({ format: 'srt', cues: [{ index: 1, start: 1, end: 2, lines: ['नमस्ते'] }] });
    const vtt = await write('a.vtt', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n');
    expect((await readSubtitleFile(vtt)).format).toBe('vtt');
    const bare = await write('captions', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n');
    expect((await readSubtitleFile(bare)).format).toBe('vtt');
  });

  it('says when the file is missing or a folder', async () => {
    await expect(readSubtitleFile(path.join(dir, 'missing.srt'))).rejects.toMatchObject({
      code: 'SUBTITLES_FILE_UNREADABLE',
      message: expect.stringContaining('does not exist'),
    });
    await expect(readSubtitleFile(dir)).rejects.toMatchObject({ code: 'SUBTITLES_FILE_UNREADABLE', message: expect.stringContaining('is a folder') });
  });

  it('names the file and the line when the text is not subtitles', async () => {
    const file = await write('bad.srt', '1\n00:00:01,000 --> 00:00:02,000\nHi\n\nhello there\n');
    await expect(readSubtitleFile(file)).rejects.toMatchObject({
      code: 'SUBTITLES_UNPARSEABLE',
      line: 5,
      message: expect.stringMatching(/bad\.srt is not valid SRT: Line 5/),
      details: { file, line: 5 },
    });
  });

  it('refuses text that is not UTF-8 and a file with no cues', async () => {
    const latin1 = await write('latin1.srt', Uint8Array.from([0x31, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    await expect(readSubtitleFile(latin1)).rejects.toMatchObject({ code: 'SUBTITLES_UNPARSEABLE', hint: expect.stringContaining('iconv') });
    const empty = await write('empty.srt', '\n\n');
    await expect(readSubtitleFile(empty)).rejects.toMatchObject({ code: 'SUBTITLES_UNPARSEABLE', message: expect.stringContaining('no subtitle cues') });
  });

  it('stops when aborted', async () => {
    const file = await write('b.srt', '1\n00:00:01,000 --> 00:00:02,000\nHi\n');
    await expect(readSubtitleFile(file, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
