import { describe, expect, it } from 'vitest';
import { breakLines } from './break-lines';
import { countCharacters } from './count-characters';
import { getPreset } from './get-preset';

const en = getPreset('netflix-en');
const hi = getPreset('netflix-hi');

describe('breakLines', () => {
  it('keeps text that fits on one line', () => {
    expect(breakLines('  Where have   you been all night? ', en)).toEqual(['Where have you been all night?']);
    expect(breakLines('', en)).toEqual([]);
  });

  it('breaks after punctuation', () => {
    expect(breakLines('I know you are tired, but we have to go before it rains.', en)).toEqual([
      'I know you are tired,',
      'but we have to go before it rains.',
    ]);
  });

  it('breaks before a conjunction', () => {
    expect(breakLines('We waited at the station for hours because the train was late', en)).toEqual([
      'We waited at the station for hours',
      'because the train was late',
    ]);
  });

  it('balances the lines when no boundary stands out', () => {
    const lines = breakLines('Somebody left the kitchen window wide open last night again', en)!;
    expect(lines).toHaveLength(2);
    expect(Math.abs(lines[0]!.length - lines[1]!.length)).toBeLessThanOrEqual(8);
  });

  it('leaves no one-word line when a better break exists', () => {
    // 43 characters: filling the first line would leave "now." alone.
    expect(breakLines('I think we should probably go back home now.', en)).toEqual(['I think we should', 'probably go back home now.']);
    // The break after the comma is the best boundary, but it would leave "Listen," alone.
    expect(breakLines('Listen, I have told you so many times not to go.', en)).toEqual([
      'Listen, I have told you',
      'so many times not to go.',
    ]);
    // With nothing else that fits, a one-word line it is.
    expect(breakLines('Hippopotomonstrosesquippedaliophobia is real.', en)).toEqual([
      'Hippopotomonstrosesquippedaliophobia',
      'is real.',
    ]);
  });

  it('ends a sentence at the end of a line, not in the middle of one', () => {
    expect(breakLines('I never wanted this. I told them a hundred times.', en)).toEqual([
      'I never wanted this.',
      'I told them a hundred times.',
    ]);
  });

  it('does not split an article from its noun or a first name from a last name', () => {
    expect(breakLines('Everyone was waiting for Shah Rukh Khan at the gate', en)).toEqual([
      'Everyone was waiting',
      'for Shah Rukh Khan at the gate',
    ]);
    expect(breakLines('She finally bought the beautiful old house by the lake', en)).toEqual([
      'She finally bought the beautiful old house',
      'by the lake',
    ]);
  });

  it('returns undefined when the text cannot fit the preset', () => {
    expect(breakLines('word '.repeat(30), en)).toBeUndefined();
  });

  it('counts Devanagari by grapheme cluster, so a long run of conjuncts fits one line', () => {
    const text = 'क्षत्रिय मोहल्ले में अपने दोस्तों के साथ क्रिकेट खेल रहे थे';
    expect(text.length).toBe(59);
    expect(countCharacters(text)).toBe(33);
    expect(breakLines(text, hi)).toEqual([text]);
  });

  it('breaks Hindi after a postposition and never before one', () => {
    expect(breakLines('मानो या न मानो, स्नातक बनने के लिए हमें बस दो और कक्षाएँ पास करनी हैं।', hi)).toEqual([
      'मानो या न मानो, स्नातक बनने के लिए',
      'हमें बस दो और कक्षाएँ पास करनी हैं।',
    ]);
    const lines = breakLines('राम ने अपने छोटे भाई को बाज़ार से ताज़ी सब्ज़ियाँ और मीठे आम लाने के लिए भेजा था', hi)!;
    expect(lines).toHaveLength(2);
    expect(lines[1]).not.toMatch(/^(ने|को|से|में|पर|तक|का|के|की|है|था) /);
  });
});

describe('countCharacters', () => {
  it('counts what a viewer sees', () => {
    expect(countCharacters('क्षि')).toBe(1);
    expect(countCharacters('नमस्ते')).toBe(3);
    expect(countCharacters('e\u0301')).toBe(1);
    expect(countCharacters('👨‍👩‍👧 hi')).toBe(4);
    expect(countCharacters('<i>Hello</i> {\\an8}there')).toBe(11);
  });
});
