import { GlossarySchema } from '@bollyx/names';
import { describe, expect, it } from 'vitest';
import { ACCEPT_NOTE, proposeNames } from './propose-names';

const segment = (start: number, text: string) => ({ start, end: start + 2, words: text.split(' ').map((word, i) => ({ text: word, start: start + i * 0.1, end: start + i * 0.1 + 0.1 })) });

describe('proposeNames', () => {
  it('proposes the names the glossary lacks under any spelling, most heard first, in both scripts', () => {
    const glossary = GlossarySchema.parse({ version: 1, entries: [{ latin: 'Amar', devanagari: 'अमर', kind: 'character', aliases: ['Amarkant'] }] });
    const segments = [segment(5, 'अमर और मेघना'), segment(65, 'Meghna in Assam'), segment(3700, 'मेघना')];
    const proposed = proposeNames(
      [
        { text: 0, word: 'अमर', group: 'PER', score: 0.95 },
        { text: 0, word: 'मेघना', group: 'PER', score: 0.9 },
        { text: 1, word: 'Assam', group: 'LOC', score: 0.8 },
        { text: 1, word: 'Meghna', group: 'PER', score: 0.3 },
        { text: 2, word: 'मेघना', group: 'PER', score: 0.9 },
      ],
      segments,
      glossary,
    );
    expect(GlossarySchema.parse(proposed)).toEqual(proposed);
    expect(proposed.notes).toEqual([ACCEPT_NOTE]);
    expect(proposed.entries.map(({ devanagari, kind, sources, note }) => ({ devanagari, kind, sources, note }))).toEqual([
      { devanagari: 'मेघना', kind: 'person', sources: ['ner'], note: 'heard 2 times, first at 0:00:05' },
      { devanagari: expect.any(String), kind: 'place', sources: ['ner'], note: 'heard 1 time, first at 0:01:05' },
    ]);
    expect(proposed.entries[0]!.latin).toBe('Meghna');
    expect(proposed.entries[1]!.latin).toBe('Assam');
  });
});
