import type { Glossary } from '@bollyx/names';
import { describe, expect, it } from 'vitest';
import { planBatches } from './llm-batches';
import { checkAnswer, namesDue } from './llm-check';

const glossary: Glossary = {
  version: 1,
  entries: [
    { latin: 'Shah Rukh Khan', devanagari: 'शाहरुख़ ख़ान', kind: 'person', translate: false, aliases: ['Shahrukh'], sources: ['tmdb'] },
    { latin: 'Ram', devanagari: 'राम', kind: 'character', translate: false, aliases: [], sources: ['user'] },
  ],
  notes: [],
};
const lines = [
  { n: 7, text: 'शाहरुख ख़ान आ गया!', budget: 42 },
  { n: 8, text: 'आराम करो।', budget: 20 },
];

describe('checkAnswer', () => {
  it('takes JSON (fenced or not) and the numbered format, in the batch order', () => {
    const json = '```json\n{"lines":[{"n":8,"text":"Rest."},{"n":7,"text":"Shah Rukh Khan is here!"}]}\n```';
    expect(checkAnswer(json, lines, glossary)).toEqual({ ok: true, texts: ['Shah Rukh Khan is here!', 'Rest.'], overBudget: [] });
    expect(checkAnswer('7. Shah Rukh Khan\nis here!\n8) Rest.', lines, glossary)).toMatchObject({ ok: true, texts: ['Shah Rukh Khan is here!', 'Rest.'] });
  });

  it('refuses a dropped, doubled, unasked or empty line', () => {
    expect(checkAnswer('7. Shah Rukh Khan is here! Rest.', lines, glossary)).toEqual({ ok: false, problem: 'line 8 missing or empty (dropped or merged)' });
    expect(checkAnswer('7. a\n7. b\n8. c', lines, glossary)).toMatchObject({ problem: 'line 7 came back twice' });
    expect(checkAnswer('7. a\n8. b\n9. c', lines, glossary)).toMatchObject({ problem: 'line 9 was not asked for' });
    expect(checkAnswer('{"lines":[{"n":7}]}', lines, glossary)).toMatchObject({ problem: 'a JSON line lacks its number "n" or its "text"' });
  });

  it('wants the Latin form of a name the source says (nukta or not), and only of whole words', () => {
    expect(namesDue(lines[0]!.text, glossary)).toEqual(['Shah Rukh Khan']);
    // राम is not in आराम.
    expect(namesDue(lines[1]!.text, glossary)).toEqual([]);
    expect(checkAnswer('7. Shahrukh is here!\n8. Rest.', lines, glossary)).toEqual({ ok: false, problem: 'line 7 lacks "Shah Rukh Khan"' });
  });

  it('counts a line over its budget, and refuses one far over it', () => {
    expect(checkAnswer('7. Shah Rukh Khan is here!\n8. Take some rest now, my dear', lines, glossary)).toMatchObject({ ok: true, overBudget: [8] });
    expect(checkAnswer('7. Shah Rukh Khan is here!\n8. Take some rest now, my dear friend, please', lines, glossary)).toEqual({
      ok: false,
      problem: 'line 8 is 42 characters for a budget of 20',
    });
  });
});

describe('planBatches', () => {
  const many = Array.from({ length: 50 }, (_, index) => ({ n: index + 1, text: 'यह एक साधारण पंक्ति है जो बोली गई', budget: 42 }));

  it('cuts at batchSize, and sooner when the lines would overflow the context window', () => {
    expect(planBatches(many, { batchSize: 20, contextTokens: 8192, fixedTokens: 800 }).map((batch) => batch.length)).toEqual([20, 20, 10]);
    const tight = planBatches(many, { batchSize: 20, contextTokens: 1024, fixedTokens: 800 });
    expect(tight.every((batch) => batch.length < 20)).toBe(true);
    expect(tight.flat()).toEqual(many);
    // A window too small for any line still sends each line on its own.
    expect(planBatches(many.slice(0, 3), { batchSize: 20, contextTokens: 512, fixedTokens: 800 }).map((batch) => batch.length)).toEqual([1, 1, 1]);
  });
});
