import { describe, expect, it } from 'vitest';
import type { Cue } from './schemas';
import { parseSrt, toSrt } from './srt';

const cues: Cue[] = [
  { index: 1, start: 0.5, end: 2.25, lines: ['Hey! Where have you been all night?'] },
  { index: 2, start: 3661.001, end: 3662.999, lines: ['मानो या न मानो, स्नातक बनने के लिए', 'हमें बस दो और कक्षाएँ पास करनी हैं।'] },
];

describe('toSrt', () => {
  it('writes numbered cues with comma milliseconds and \\n line ends', () => {
    expect(toSrt(cues)).toBe(
      '1\n00:00:00,500 --> 00:00:02,250\nHey! Where have you been all night?\n\n' +
        '2\n01:01:01,001 --> 01:01:02,999\nमानो या न मानो, स्नातक बनने के लिए\nहमें बस दो और कक्षाएँ पास करनी हैं।\n',
    );
  });

  it('refuses a line that would end the cue early', () => {
    expect(() => toSrt([{ index: 1, start: 0, end: 1, lines: ['one\n\ntwo'] }])).toThrow(
      expect.objectContaining({ code: 'SUBTITLES_INPUT_INVALID' }),
    );
  });
});

describe('parseSrt', () => {
  it('reads back what toSrt writes', () => {
    expect(parseSrt(toSrt(cues))).toEqual(cues);
  });

  it('tolerates a BOM, CRLF, a full stop in timestamps, trailing settings and a missing blank line', () => {
    const text = '\uFEFF7\r\n00:00:01.000 --> 00:00:02,000 X1:0 X2:0\r\nFirst\r\n8\r\n00:00:03,000 --> 00:00:04,000\r\nSecond\r\nline';
    expect(parseSrt(text)).toEqual([
      { index: 7, start: 1, end: 2, lines: ['First'] },
      { index: 8, start: 3, end: 4, lines: ['Second', 'line'] },
    ]);
  });

  it('names the line that is not a timing', () => {
    expect(() => parseSrt('1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:03 --> 00:00:04,000\nThere\n')).toThrow(
      expect.objectContaining({ code: 'SUBTITLES_UNPARSEABLE', line: 6, message: expect.stringContaining('Line 6') }),
    );
  });
});
