import { describe, expect, it } from 'vitest';
import type { Cue } from './schemas';
import { parseVtt, toVtt } from './webvtt';

const cues: Cue[] = [
  { index: 1, start: 0.5, end: 2.25, lines: ['Tom & Jerry <3'] },
  { index: 2, start: 61.001, end: 62.999, lines: ['-Where are you going?', '-Home.'] },
];

describe('toVtt', () => {
  it('writes a WEBVTT header, full-stop milliseconds and escaped text', () => {
    expect(toVtt(cues)).toBe(
      'WEBVTT\n\n' +
        '1\n00:00:00.500 --> 00:00:02.250\nTom &amp; Jerry &lt;3\n\n' +
        '2\n00:01:01.001 --> 00:01:02.999\n-Where are you going?\n-Home.\n',
    );
  });
});

describe('parseVtt', () => {
  it('reads back what toVtt writes', () => {
    expect(parseVtt(toVtt(cues))).toEqual(cues);
  });

  it('skips the header text, NOTE and STYLE blocks, identifiers and cue settings; hours are optional', () => {
    const text = [
      'WEBVTT - made by hand',
      'Kind: captions',
      '',
      'NOTE a comment',
      'over two lines',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'intro',
      '00:01.000 --> 00:02.500 align:start line:0',
      '<i>Hello</i>',
      '',
      '01:00:00.000 --> 01:00:01.000',
      'Bye',
    ].join('\r\n');
    expect(parseVtt(text)).toEqual([
      { index: 1, start: 1, end: 2.5, lines: ['<i>Hello</i>'] },
      { index: 2, start: 3600, end: 3601, lines: ['Bye'] },
    ]);
  });

  it('wants the WEBVTT line first', () => {
    expect(() => parseVtt('1\n00:00:01.000 --> 00:00:02.000\nHi\n')).toThrow(
      expect.objectContaining({ code: 'SUBTITLES_UNPARSEABLE', line: 1 }),
    );
  });

  it('names the line that is not a timing', () => {
    expect(() => parseVtt('WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHi\n')).toThrow(
      expect.objectContaining({ code: 'SUBTITLES_UNPARSEABLE', line: 3 }),
    );
  });
});
