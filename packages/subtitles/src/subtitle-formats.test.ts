import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fontForLanguage, parseAss, toAss } from './ass';
import type { Cue } from './schemas';
import { formatOfPath, parseSubtitles, writeSubtitles } from './subtitle-formats';
import { parseTtml, toTtml } from './ttml';
import { parseVtt, toVtt } from './webvtt';

const hindi: Cue[] = [
  { index: 1, start: 1, end: 3.5, lines: ['मानो या न मानो, स्नातक बनने के लिए', 'क्षत्रिय मोहल्ले में'], speaker: 'अमर' },
  { index: 2, start: 4, end: 6.04, lines: ['<i>हमें बस दो और कक्षाएँ पास करनी हैं।</i>'] },
  { index: 3, start: 3599.96, end: 3602, lines: ['Tom & Jerry <3 {x} \\N', '-शाहरुख़ <i>ख़ान</i>'], speaker: 'Speaker 1' },
];
const english: Cue[] = [
  { index: 1, start: 0.5, end: 2.25, lines: ['<i>Where are you going?</i>'], speaker: 'Amar' },
  { index: 2, start: 2.5, end: 4, lines: ['Home, "at last".'], speaker: 'Priya, Jr.' },
];

const dir = mkdtempSync(path.join(os.tmpdir(), 'bollyx-subtitle-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('TTML', () => {
  it('writes TTML1 in the IMSC1 text profile with language, frame rate, line breaks, italics and agents', () => {
    const ttml = toTtml(hindi, { language: 'hi', frameRate: 25 });
    expect(ttml).toContain('xml:lang="hi"');
    expect(ttml).toContain('ttp:timeBase="media" ttp:frameRate="25"');
    expect(ttml).toContain('ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1/text"');
    expect(ttml).toContain('<ttm:agent xml:id="speaker1" type="character"><ttm:name type="full">अमर</ttm:name></ttm:agent>');
    expect(ttml).toContain(
      '<p begin="00:00:01.000" end="00:00:03.500" ttm:agent="speaker1">मानो या न मानो, स्नातक बनने के लिए<br/>क्षत्रिय मोहल्ले में</p>',
    );
    expect(ttml).toContain('<span tts:fontStyle="italic">हमें बस दो और कक्षाएँ पास करनी हैं।</span>');
    expect(ttml).toContain('Tom &amp; Jerry &lt;3 {x} \\N<br/>-शाहरुख़ <span tts:fontStyle="italic">ख़ान</span>');
  });

  it('reads back every cue: text, times, italics and speakers', () => {
    expect(parseTtml(toTtml(hindi, { language: 'hi', frameRate: 25 }))).toEqual(hindi);
    expect(parseTtml(toTtml(english, { language: 'en' }))).toEqual(english);
  });

  it('writes and reads frame timing, with the 1000/1001 multiplier for 23.976', () => {
    const ttml = toTtml(hindi, { language: 'hi', frameRate: 25, timing: 'frames' });
    expect(ttml).toContain('begin="00:59:59:24" end="01:00:02:00"');
    // Frame timing keeps frames: 3.5 s is 12.5 frames past 3 s, written as frame 13.
    expect(parseTtml(ttml)).toEqual(hindi.map((each) => (each.end === 3.5 ? { ...each, end: 3.52 } : each)));
    const ntsc = toTtml(english, { language: 'en', frameRate: 23.976 });
    expect(ntsc).toContain('ttp:frameRate="24" ttp:frameRateMultiplier="1000 1001"');
  });

  it('reads TTML from elsewhere: prefixed elements, offsets, frames, dur, nested times, styles by reference, whitespace', () => {
    const text = `<?xml version="1.0" encoding="utf-8"?>
<tt:tt xmlns:tt="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttp="http://www.w3.org/ns/ttml#parameter"
  ttp:frameRate="30" ttp:tickRate="10000000" xml:lang="en">
  <tt:head><tt:styling><tt:style xml:id="it" tts:fontStyle="italic"/></tt:styling></tt:head>
  <tt:body><tt:div begin="10s">
    <tt:p begin="5000000t" dur="1.5s">
      Hello
      <tt:br/>  <tt:span style="it">there</tt:span> &#x263A;
    </tt:p>
    <tt:p begin="00:00:02:15" end="00:00:03:00" style="it">Bye &amp; thanks</tt:p>
  </tt:div></tt:body>
</tt:tt>`;
    expect(parseTtml(text)).toEqual([
      { index: 1, start: 10.5, end: 12, lines: ['Hello', '<i>there</i> ☺'] },
      { index: 2, start: 12.5, end: 13, lines: ['<i>Bye & thanks</i>'] },
    ]);
  });

  it('refuses XML that is not well-formed, naming the line', () => {
    expect(() => parseTtml('<tt xmlns="http://www.w3.org/ns/ttml">\n<body><p begin="1s" end="2s">Hi</body></tt>')).toThrow(
      expect.objectContaining({ code: 'SUBTITLES_UNPARSEABLE', line: 2 }),
    );
  });

  it('is valid TTML1 by the W3C schema (xmllint, libxml2), media and frame timing alike', () => {
    const schema = path.resolve(import.meta.dirname, '../test-schemas/ttml1/ttml1.xsd');
    for (const [name, options] of [
      ['media.ttml', { language: 'hi', frameRate: 25 }],
      ['frames.ttml', { language: 'hi', frameRate: 23.976, timing: 'frames' }],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, toTtml(hindi, options));
      // xmllint exits non-zero when the document does not validate.
      const result = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toContain(`${file} validates`);
    }
  });
});

describe('ASS', () => {
  it('writes a style for the language with a font that covers its script, PlayRes, names and \\N breaks', () => {
    const ass = toAss(hindi, { language: 'hi' });
    expect(ass).toContain('ScriptType: v4.00+');
    expect(ass).toContain('PlayResX: 1920\nPlayResY: 1080');
    expect(ass).toMatch(/^Style: hi,Noto Sans Devanagari,56,/m);
    expect(ass).toContain('Dialogue: 0,0:00:01.00,0:00:03.50,hi,अमर,0,0,0,,मानो या न मानो, स्नातक बनने के लिए\\Nक्षत्रिय मोहल्ले में');
    expect(ass).toContain(',hi,,0,0,0,,{\\i1}हमें बस दो और कक्षाएँ पास करनी हैं।');
    // Braces and a backslash before N are escaped so libass shows them as written.
    expect(ass).toContain('Tom & Jerry <3 \\{x\\} \\\u2060N\\N-शाहरुख़ {\\i1}ख़ान');
    expect(toAss(english, { language: 'en' })).toMatch(/^Style: en,Noto Sans,56,/m);
    expect(toAss(english, { language: 'en' })).toContain(',en,Priya; Jr.,');
  });

  it('picks fonts by script: Hindi in Devanagari, romanized Hindi in Latin', () => {
    expect(['hi', 'hi-Latn', 'en', 'ta', 'mr'].map(fontForLanguage)).toEqual([
      'Noto Sans Devanagari',
      'Noto Sans',
      'Noto Sans',
      'Noto Sans Tamil',
      'Noto Sans Devanagari',
    ]);
  });

  it('reads back every cue: text, times (ASS counts centiseconds), italics and speakers', () => {
    expect(parseAss(toAss(hindi, { language: 'hi' }))).toEqual(hindi);
    expect(parseAss(toAss(english, { language: 'en' }))).toEqual(english.map((each) => (each.speaker === 'Priya, Jr.' ? { ...each, speaker: 'Priya; Jr.' } : each)));
  });

  it('reads ASS from elsewhere: Comment lines skipped, other override tags dropped, commas in text kept', () => {
    const text = [
      '[Script Info]',
      'ScriptType: v4.00+',
      '',
      '[Events]',
      'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
      'Comment: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,note',
      'Dialogue: 0,0:00:01.50,0:00:03.00,Default,Raj,0,0,0,,{\\an8\\b1}Hi, there,\\nfriend',
    ].join('\r\n');
    expect(parseAss(text)).toEqual([{ index: 1, start: 1.5, end: 3, lines: ['Hi, there,', 'friend'], speaker: 'Raj' }]);
  });
});

describe('WebVTT voices', () => {
  it('writes <v Speaker> spans when asked, and reads the speaker back', () => {
    const vtt = toVtt(english, { voices: true });
    expect(vtt).toContain('00:00:00.500 --> 00:00:02.250\n<v Amar><i>Where are you going?</i>\n');
    expect(parseVtt(vtt)).toEqual(english);
    expect(toVtt(english)).not.toContain('<v ');
    expect(parseVtt('WEBVTT\n\n00:01.000 --> 00:02.000\n<v.loud Raj Kumar>Stop!</v>\n')).toEqual([
      { index: 1, start: 1, end: 2, lines: ['Stop!'], speaker: 'Raj Kumar' },
    ]);
  });
});

describe('writeSubtitles and parseSubtitles', () => {
  it('round-trip every format, keeping text and times', () => {
    for (const format of ['srt', 'vtt', 'ttml', 'ass'] as const) {
      const back = parseSubtitles(writeSubtitles(hindi, format, { language: 'hi', frameRate: 25, voices: true }), format);
      expect(back.map(({ start, end, lines }) => ({ start, end, lines })), format).toEqual(hindi.map(({ start, end, lines }) => ({ start, end, lines })));
    }
  });

  it('tell the format by extension', () => {
    expect(['a.srt', 'b.VTT', 'c.ttml', 'd.dfxp', 'e.xml', 'f.ass', 'g.ssa', 'h.txt'].map(formatOfPath)).toEqual([
      'srt', 'vtt', 'ttml', 'ttml', 'ttml', 'ass', 'ass', undefined,
    ]);
  });
});
