import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIL_SE, startLoopbackTmdb, type LoopbackTmdb } from '../../../tools/test-tmdb';
import { buildGlossary } from './build-glossary';

const API_KEY = '0123456789abcdef0123456789abcdef';
let tmdb: LoopbackTmdb;
let dir: string;

beforeAll(async () => {
  tmdb = await startLoopbackTmdb([DIL_SE], { apiKey: API_KEY });
  dir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-build-glossary-'));
});
afterAll(async () => {
  await tmdb.close();
  await rm(dir, { recursive: true, force: true });
});

describe('buildGlossary', () => {
  it('merges edits > job files > workspace > TMDB, and gives every name both scripts', async () => {
    const job = path.join(dir, 'job.csv');
    await writeFile(job, 'latin,devanagari,kind,aliases\nAmar,अमर,character,Amarkant\nHaflong,,place,\n', 'utf8');
    const workspace = path.join(dir, 'glossary.yaml');
    await writeFile(workspace, '- latin: Meghna\n  devanagari: मेघना\n  kind: character\n  note: workspace spelling\n- devanagari: आकाशवाणी\n  kind: organization\n', 'utf8');
    const glossary = await buildGlossary({
      files: [job],
      workspaceFile: workspace,
      tmdb: { title: 'Dil Se', year: 1998, token: API_KEY, baseUrl: tmdb.url, cacheDir: path.join(dir, 'cache') },
      edits: [{ latin: 'Preeti Nair', devanagari: 'प्रीति नायर', kind: 'character', translate: false, aliases: [], sources: ['edit', 'tmdb'] }],
      removed: ['Preity Zinta'],
    });
    const byLatin = new Map(glossary.entries.map((entry) => [entry.latin, entry]));
    expect(byLatin.get('Preeti Nair')).toMatchObject({ devanagari: 'प्रीति नायर', sources: ['edit', 'tmdb'], note: 'played by Preity Zinta' });
    expect(byLatin.has('Preity Zinta')).toBe(false);
    expect(byLatin.get('Meghna')).toMatchObject({ devanagari: 'मेघना', note: 'workspace spelling', aliases: ['Moina'], sources: ['workspace', 'tmdb'] });
    expect(byLatin.get('Amar')).toMatchObject({ devanagari: 'अमर', sources: ['user'] });
    expect(byLatin.get('Shah Rukh Khan')).toMatchObject({ devanagari: 'शाहरुख़ ख़ान', sources: ['tmdb'] });
    // Both scripts for every name: the missing one is transliterated.
    for (const entry of glossary.entries) {
      expect(entry.latin, JSON.stringify(entry)).not.toBe('');
      expect(entry.devanagari, JSON.stringify(entry)).toMatch(/\p{Script=Devanagari}/u);
    }
    expect(byLatin.get('Akashvani') ?? byLatin.get('Aakashvani') ?? glossary.entries.find((entry) => entry.devanagari === 'आकाशवाणी')).toMatchObject({ kind: 'organization' });
    expect(glossary.film).toMatchObject({ tmdbId: 6691, year: 1998 });
    expect(glossary.notes).toEqual(['TMDB lists no song titles or filming places: add them with a glossary file (--glossary)']);
  });
});
