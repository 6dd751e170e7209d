import { describe, expect, it } from 'vitest';
import type { Glossary, GlossaryEntry } from './glossary-schema';
import { mergeGlossaries } from './merge-glossaries';

const entry = (fields: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'latin' | 'sources'>): GlossaryEntry => ({ kind: 'person', translate: false, aliases: [], ...fields });
const glossary = (entries: GlossaryEntry[], extra: Partial<Glossary> = {}): Glossary => ({ version: 1, entries, notes: [], ...extra });

describe('mergeGlossaries', () => {
  it('lets the higher source win per name, matched case-, accent- and nukta-insensitively, and unions aliases and sources', () => {
    const user = glossary([entry({ latin: 'Shahrukh Khan', devanagari: 'शाहरुख ख़ान', kind: 'person', note: 'our spelling', sources: ['user'] })]);
    const workspace = glossary([entry({ latin: 'meghna', kind: 'character', aliases: ['Moina'], sources: ['workspace'] })]);
    const tmdb = glossary(
      [
        entry({ latin: 'Shah Rukh Khan', devanagari: 'शाहरुख़ ख़ान', aliases: ['SRK'], sources: ['tmdb'] }),
        entry({ latin: 'Meghna', devanagari: 'मेघना', kind: 'character', note: 'played by Manisha Koirala', sources: ['tmdb'] }),
      ],
      { film: { tmdbId: 6691, title: 'Dil Se..' }, notes: ['TMDB lists no song titles'] },
    );
    expect(mergeGlossaries([user, workspace, tmdb])).toEqual({
      version: 1,
      film: { tmdbId: 6691, title: 'Dil Se..' },
      entries: [
        entry({ latin: 'Shahrukh Khan', devanagari: 'शाहरुख ख़ान', note: 'our spelling', aliases: ['Shah Rukh Khan', 'SRK'], sources: ['user', 'tmdb'] }),
        entry({ latin: 'meghna', devanagari: 'मेघना', kind: 'character', note: 'played by Manisha Koirala', aliases: ['Moina'], sources: ['workspace', 'tmdb'] }),
      ],
      notes: ['TMDB lists no song titles'],
    });
  });
});
