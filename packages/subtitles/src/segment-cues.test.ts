import { describe, expect, it } from 'vitest';
import { getPreset } from './get-preset';
import { lintCues } from './lint-cues';
import type { Cue, Segment } from './schemas';
import { segmentCues } from './segment-cues';
import {
  hindiInterjectionAndRun,
  hindiNumbersAndNames,
  hindiSentence,
  interjectionThenQuestion,
  loneInterjection,
  longUnpunctuatedSentence,
  monologue,
  numbersAndNames,
  segment,
} from './test-helpers/word-timings';

const en = getPreset('netflix-en');
const hi = getPreset('netflix-hi');
const text = (cues: Cue[]) => cues.map((cue) => cue.lines);

describe('segmentCues in English', () => {
  it('joins a 0.2 s interjection to the question after it, starting at the first word', () => {
    const cues = segmentCues(interjectionThenQuestion, en);
    expect(text(cues)).toEqual([['Hey! Where have you been all night?']]);
    expect(cues[0]!.start).toBe(0.5);
    expect(cues[0]!.end).toBeGreaterThanOrEqual(2.05);
    expect(lintCues(cues, en)).toEqual([]);
  });

  it('holds a lone 0.2 s interjection for the minimum 5/6 s', () => {
    const cues = segmentCues(loneInterjection, en);
    expect(text(cues)).toEqual([['Hey!'], ['Over here.']]);
    expect(cues[0]).toMatchObject({ start: 10, end: 10.834 });
    expect(lintCues(cues, en)).toEqual([]);
  });

  it('splits one long sentence without punctuation before its conjunction, into balanced lines', () => {
    const cues = segmentCues(longUnpunctuatedSentence, en);
    expect(text(cues)).toEqual([
      ['so I was walking down the road', 'near the old temple'],
      ['when I saw my friend Raj standing there', 'with his brother and a big bag of mangoes'],
    ]);
    expect(lintCues(cues, en)).toEqual([]);
  });

  it('cuts a 12 s monologue into cues of at most 7 s that end on sentence or clause ends', () => {
    const cues = segmentCues(monologue, en);
    expect(cues.length).toBeGreaterThan(2);
    for (const cue of cues) {
      expect(cue.end - cue.start).toBeLessThanOrEqual(7);
      expect(cue.lines.at(-1)).toMatch(/[.,?!]$/);
    }
    expect(cues.flatMap((cue) => cue.lines).join(' ')).toBe(monologue.flatMap((s) => s.words.map((w) => w.text)).join(' '));
    expect(lintCues(cues, en)).toEqual([]);
  });

  it('keeps titles, figures, dates and full names whole', () => {
    const cues = segmentCues(numbersAndNames, en);
    expect(text(cues)).toEqual([['Mr. Sharma paid 25,000 rupees', 'on 15 August 2023 to Dr. Priya Nair.']]);
    expect(lintCues(cues, en)).toEqual([]);
  });

  it('numbers cues from 1 in time order, whatever order the words came in', () => {
    const cues = segmentCues([...loneInterjection].reverse(), en);
    expect(cues.map((cue) => [cue.index, cue.start])).toEqual([
      [1, 10],
      [2, 14],
    ]);
  });

  it('joins punctuation that ASR gave as words of its own to the word it belongs to', () => {
    const cues = segmentCues(
      [
        segment([
          ['¿', 1.0, 1.0],
          ['Qué', 1.0, 1.3],
          ['?', 1.3, 1.3],
          ['Hello', 1.5, 1.8],
          [',', 1.8, 1.8],
          ['world', 1.8, 2.2],
          ['!', 2.2, 2.2],
        ]),
      ],
      en,
    );
    expect(text(cues)).toEqual([['¿Qué? Hello, world!']]);
  });
});

describe('segmentCues in Hindi', () => {
  it('breaks the Netflix Hindi guide’s example where the guide does', () => {
    const cues = segmentCues(hindiSentence, hi);
    expect(text(cues)).toEqual([['मानो या न मानो, स्नातक बनने के लिए', 'हमें बस दो और कक्षाएँ पास करनी हैं।']]);
    expect(lintCues(cues, hi)).toEqual([]);
  });

  it('counts grapheme clusters, joins the interjection and never starts a line with a postposition', () => {
    const cues = segmentCues(hindiInterjectionAndRun, hi);
    expect(text(cues)).toEqual([
      ['अरे! तुम कहाँ थे पूरी रात मैं तुम्हारा इंतज़ार कर रहा था'],
      ['और तुम्हारे भाई ने कहा कि तुम क्षत्रिय मोहल्ले में', 'अपने दोस्तों के साथ क्रिकेट खेल रहे थे'],
    ]);
    // 56 UTF-16 units but 36 grapheme clusters: one line.
    expect(cues[0]!.lines[0]!.length).toBeGreaterThan(42);
    expect(lintCues(cues, hi)).toEqual([]);
  });

  it('keeps names, dates and figures whole', () => {
    const cues = segmentCues(hindiNumbersAndNames, hi);
    expect(text(cues)).toEqual([['डॉ. प्रिया नायर ने 15 अगस्त 2023 को', 'शर्मा जी को 25,000 रुपये दिए।']]);
    expect(lintCues(cues, hi)).toEqual([]);
  });
});

describe('segmentCues timing', () => {
  // Two sentences of two lines each, 20 ms apart: they cannot share a cue.
  const backToBack = (gap: number): Segment[] => [
    segment([
      ['The', 0.0, 0.15], ['monsoon', 0.15, 0.6], ['came', 0.6, 0.85], ['early', 0.85, 1.2], ['this', 1.2, 1.4],
      ['year,', 1.4, 1.8], ['and', 1.9, 2.0], ['the', 2.0, 2.1], ['whole', 2.1, 2.4], ['village', 2.4, 2.8],
      ['was', 2.8, 2.95], ['flooded', 2.95, 3.4], ['by', 3.4, 3.5], ['morning.', 3.5, 4.0],
    ]),
    segment([
      ['Nobody', 4 + gap, 4.4 + gap], ['had', 4.4 + gap, 4.55 + gap], ['time', 4.55 + gap, 4.8 + gap],
      ['to', 4.8 + gap, 4.9 + gap], ['move', 4.9 + gap, 5.15 + gap], ['the', 5.15 + gap, 5.25 + gap],
      ['cattle', 5.25 + gap, 5.6 + gap], ['or', 5.6 + gap, 5.7 + gap], ['the', 5.7 + gap, 5.8 + gap],
      ['grain', 5.8 + gap, 6.1 + gap], ['to', 6.1 + gap, 6.2 + gap], ['higher', 6.2 + gap, 6.5 + gap],
      ['ground.', 6.5 + gap, 7.0 + gap],
    ]),
  ];

  it('trims the earlier cue so two frames separate it from the next', () => {
    const at24 = segmentCues(backToBack(0.02), en);
    expect(at24).toHaveLength(2);
    expect(at24[0]!.end).toBeLessThan(4.0);
    expect(at24[1]!.start - at24[0]!.end).toBeCloseTo(0.084, 6);
    const at25 = segmentCues(backToBack(0.02), en, { frameRate: 25 });
    expect(at25[1]!.start - at25[0]!.end).toBeCloseTo(0.08, 6);
    expect(lintCues(at25, en, { frameRate: 25 })).toEqual([]);
  });

  it('closes a gap under 12 frames down to the minimum, and leaves a longer one', () => {
    const short = segmentCues(backToBack(0.3), en);
    expect(short[1]!.start - short[0]!.end).toBeCloseTo(0.084, 6);
    const long = segmentCues(backToBack(1.5), en);
    expect(long[0]!.end).toBe(4.0);
    expect(long[1]!.start).toBe(5.5);
  });

  it('drops words outside speech and keeps cues inside it', () => {
    const hallucination = segment([['धन्यवाद।', 20.0, 20.6]]);
    const speech = [{ start: 1.1, end: 5.05 }];
    const cues = segmentCues([...hindiSentence, hallucination], hi, { speech });
    expect(text(cues)).toEqual([['मानो या न मानो, स्नातक बनने के लिए', 'हमें बस दो और कक्षाएँ पास करनी हैं।']]);
    expect(cues[0]!.start).toBe(1.1);
    expect(cues[0]!.end).toBeLessThanOrEqual(5.05 + 0.5);
  });

  it('stays up past the end of speech only as long as the tail allows', () => {
    // 35 characters spoken in 1.2 s need 1.75 s at 20 a second.
    const quick = [segment([['Where', 0, 0.2], ['have', 0.2, 0.35], ['you', 0.35, 0.5], ['been', 0.5, 0.7], ['all', 0.7, 0.85], ['night', 0.85, 1.0], ['long?', 1.0, 1.2]])];
    expect(segmentCues(quick, en)[0]!.end).toBe(1.7);
    expect(segmentCues(quick, en, { maxTailSeconds: 1 })[0]!.end).toBe(1.75);
  });
});

describe('segmentCues speakers', () => {
  const exchange = [
    segment([['Where', 0, 0.2], ['are', 0.2, 0.3], ['you', 0.3, 0.45], ['going?', 0.45, 0.9]], 'Asha'),
    segment([['Home.', 1.0, 1.4]], 'Vikram'),
  ];

  it('shows a quick exchange as one cue, one dashed line per speaker', () => {
    const cues = segmentCues(exchange, en);
    expect(text(cues)).toEqual([['-Where are you going?', '-Home.']]);
    expect(lintCues(cues, en)).toEqual([]);
  });

  it('starts each turn with its speaker in label style', () => {
    const cues = segmentCues(exchange, en, { speakerStyle: 'label' });
    expect(text(cues)).toEqual([['[Asha] Where are you going?'], ['[Vikram] Home.']]);
    expect(cues.map((cue) => cue.speaker)).toEqual(['Asha', 'Vikram']);
  });

  it('marks no text in voice style: each turn is a cue that carries its speaker', () => {
    const cues = segmentCues(exchange, en, { speakerStyle: 'voice' });
    expect(cues.map((cue) => [cue.lines, cue.speaker])).toEqual([
      [['Where are you going?'], 'Asha'],
      [['Home.'], 'Vikram'],
    ]);
  });
});

describe('segmentCues shot changes', () => {
  it('breaks the cue at a cut between two phrases that would otherwise share one', () => {
    const words = [segment([['Hello', 0.3, 0.7], ['friends', 0.7, 1.2], ['how', 2.12, 2.4], ['are', 2.4, 2.6], ['you', 2.6, 3.0]])];
    expect(text(segmentCues(words, en))).toEqual([['Hello friends how are you']]);
    expect(text(segmentCues(words, en, { shotChanges: [2] }))).toEqual([['Hello friends'], ['how are you']]);
  });
});

describe('segmentCues input', () => {
  it('rejects a word that ends before it starts, naming where it is', () => {
    expect(() => segmentCues([segment([['Hi', 2, 1]])], en)).toThrow(
      expect.objectContaining({ code: 'SUBTITLES_INPUT_INVALID', message: expect.stringContaining('words[0].end') }),
    );
  });

  it('returns no cues for no words', () => {
    expect(segmentCues([{ words: [] }], en)).toEqual([]);
  });
});
