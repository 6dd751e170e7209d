import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlossaryFileError, GlossaryFileMissingError } from '../errors';
import { readGlossaryFile } from './read-glossary-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bollyx-glossary-file-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text, 'utf8');
  return file;
}

describe('readGlossaryFile', () => {
  it('reads a YAML list of names with defaults', async () => {
    const file = await write('names.yaml', '- latin: Amarkant Varma\n  devanagari: अमरकांत वर्मा\n  kind: character\n  aliases: [Amar]\n- term: Haflong\n  kind: place\n  translate: no\n- devanagari: मेघना\n');
    const glossary = await readGlossaryFile(file, 'user');
    expect(glossary.entries).toEqual([
      { latin: 'Amarkant Varma', devanagari: 'अमरकांत वर्मा', kind: 'character', translate: false, aliases: ['Amar'], sources: ['user'] },
      { latin: 'Haflong', kind: 'place', translate: false, aliases: [], sources: ['user'] },
      { latin: '', devanagari: 'मेघना', kind: 'other', translate: false, aliases: [], sources: ['user'] },
    ]);
  });

  it('reads CSV with a header, quoted cells and aliases separated by ;', async () => {
    const file = await write('names.csv', 'term,devanagari,kind,translate,aliases\n"Varma, Amarkant",अमरकांत वर्मा,character,no,Amar;Amarkant\nAll India Radio,आकाशवाणी,organization,yes,AIR\n');
    const glossary = await readGlossaryFile(file, 'workspace');
    expect(glossary.entries).toEqual([
      { latin: 'Varma, Amarkant', devanagari: 'अमरकांत वर्मा', kind: 'character', translate: false, aliases: ['Amar', 'Amarkant'], sources: ['workspace'] },
      { latin: 'All India Radio', devanagari: 'आकाशवाणी', kind: 'organization', translate: true, aliases: ['AIR'], sources: ['workspace'] },
    ]);
  });

  it('names the file, the line and the fix of a bad entry', async () => {
    const yaml = await write('bad.yaml', '- latin: Amar\n- latin: Meghna\n  kind: heroine\n');
    const error = await readGlossaryFile(yaml, 'user').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GlossaryFileError);
    expect((error as GlossaryFileError).message).toContain(`${yaml}:2: kind:`);
    expect((error as GlossaryFileError).hint).toContain('kind: person, character');

    const csv = await write('bad.csv', 'latin,devnagari\nAmar,अमर\n');
    await expect(readGlossaryFile(csv, 'user')).rejects.toThrow(`${csv}:1: unknown column devnagari`);
    const cells = await write('cells.csv', 'latin,kind\nVarma, Amarkant,character\n');
    await expect(readGlossaryFile(cells, 'user')).rejects.toThrow(`${cells}:2: 3 cells under 2 columns`);
    const broken = await write('broken.yaml', '- latin: Amar\n  kind: [person\n');
    await expect(readGlossaryFile(broken, 'user')).rejects.toThrow(/broken\.yaml:\d+: not valid YAML/);
    await expect(readGlossaryFile(path.join(dir, 'none.yaml'), 'user')).rejects.toBeInstanceOf(GlossaryFileMissingError);
  });
});
