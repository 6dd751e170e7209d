import { describe, expect, it } from 'vitest';
import type { Glossary, GlossaryEntry } from './glossary-schema';
import { glossaryEdits } from './job-glossary';

const entry = (latin: string, fields: Partial<GlossaryEntry> = {}): GlossaryEntry => ({ latin, kind: 'character', translate: false, aliases: [], sources: ['tmdb'], ...fields });
const glossary = (entries: GlossaryEntry[]): Glossary => ({ version: 1, entries, notes: [] });

describe('glossaryEdits', () => {
  const written = glossary([entry('Amarkant Varma', { devanagari: 'अमरकांत वर्मा' }), entry('Meghna'), entry('Preeti Nair')]);

  it('finds nothing when the glossary is as the stage wrote it, or when there is none', () => {
    expect(glossaryEdits(written, { written, removed: [] })).toEqual({ edits: [], removed: [] });
    expect(glossaryEdits(undefined, { written, removed: ['Meghna'] })).toEqual({ edits: [], removed: [] });
  });

  it('tags changed and added names as edits and remembers deleted ones, across runs', () => {
    const edited = glossary([entry('Amarkant Varma', { devanagari: 'अमरकान्त वर्मा' }), entry('Meghna'), entry('Haflong', { kind: 'place', sources: [] })]);
    const first = glossaryEdits(edited, { written, removed: [] });
    expect(first).toEqual({
      edits: [entry('Amarkant Varma', { devanagari: 'अमरकान्त वर्मा', sources: ['edit', 'tmdb'] }), entry('Haflong', { kind: 'place', sources: ['edit'] })],
      removed: ['Preeti Nair'],
    });
    // The next run wrote the edits into the glossary: unchanged since, they are still edits, and the deletion holds.
    const next = glossary([...first.edits, entry('Meghna')]);
    expect(glossaryEdits(next, { written: next, removed: first.removed })).toEqual(first);
  });
});
