import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import { GlossaryFileError, GlossaryFileMissingError } from '../errors';
import type { Glossary, GlossaryEntry, GlossarySource } from '../glossary-schema';
import { GLOSSARY_COLUMNS, GlossaryFileEntrySchema, glossaryEntryOf } from './glossary-file-entry';
import { parseCsv } from './parse-csv';

const EXAMPLE_YAML = '- latin: Amarkant Varma\n  devanagari: अमरकांत वर्मा\n  kind: character\n  aliases: [Amar]';
const YAML_FIX = `write a list of names, e.g.\n${EXAMPLE_YAML}\n(keys: ${GLOSSARY_COLUMNS.join(', ')}; kind: person, character, place, song, organization, term or other; translate: yes or no)`;
const CSV_FIX = `start with a header row such as "latin,devanagari,kind,translate,aliases" (columns: ${GLOSSARY_COLUMNS.join(', ')}; aliases separated by ;)`;

function problemOf(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length === 0 ? '' : `${issue.path.join('.')}: `;
  if (issue.code === 'unrecognized_keys') return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.join(', ')}`;
  return `${where}${issue.message}`;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new GlossaryFileMissingError(file);
  }
}

function fromYaml(file: string, text: string, source: GlossarySource): GlossaryEntry[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
  const first = document.errors[0];
  if (first !== undefined) throw new GlossaryFileError(file, lineOf(first.pos[0]), `not valid YAML (${first.code})`, YAML_FIX);
  let list: Node | null = document.contents;
  // A glossary.json-shaped document ({ entries: [...] }) is read for its entries.
  if (isMap(list)) list = (list.get('entries', true) as Node | undefined) ?? null;
  if (list === null) return [];
  if (!isSeq(list)) throw new GlossaryFileError(file, lineOf(list.range?.[0]), 'expected a list of names', YAML_FIX);
  return list.items.map((item) => {
    const parsed = GlossaryFileEntrySchema.safeParse((item as Node).toJSON());
    if (!parsed.success) throw new GlossaryFileError(file, lineOf((item as Node).range?.[0]), problemOf(parsed.error), YAML_FIX);
    return glossaryEntryOf(parsed.data, source);
  });
}

function fromCsv(file: string, text: string, source: GlossarySource): GlossaryEntry[] {
  const { records, unclosedQuoteAt } = parseCsv(text);
  if (unclosedQuoteAt !== undefined) throw new GlossaryFileError(file, unclosedQuoteAt, 'a quoted cell is never closed', 'close the cell with a double quote (write "" for a quote inside it)');
  const [header, ...rows] = records;
  if (header === undefined) return [];
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const unknown = columns.filter((column) => !(GLOSSARY_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0) throw new GlossaryFileError(file, header.line, `unknown ${unknown.length === 1 ? 'column' : 'columns'} ${unknown.join(', ')}`, CSV_FIX);
  return rows.map((row) => {
    if (row.cells.length > columns.length) {
      throw new GlossaryFileError(file, row.line, `${row.cells.length} cells under ${columns.length} columns`, 'quote a cell that holds a comma ("Varma, Amarkant")');
    }
    const record = Object.fromEntries(columns.map((column, index) => [column, row.cells[index] ?? '']));
    const parsed = GlossaryFileEntrySchema.safeParse(record);
    if (!parsed.success) throw new GlossaryFileError(file, row.line, problemOf(parsed.error), CSV_FIX);
    return glossaryEntryOf(parsed.data, source);
  });
}

/**
 * A user's glossary file: CSV (`.csv`, a header row of latin|term, devanagari, kind, translate, aliases,
 * note) or YAML/JSON (anything else: a list of such names, or an object with `entries`). Every entry is
 * tagged with `source`. Throws GlossaryFileMissingError, or GlossaryFileError naming the file, the line
 * and the fix.
 */
export async function readGlossaryFile(file: string, source: GlossarySource): Promise<Glossary> {
  const text = await readText(file);
  const entries = path.extname(file).toLowerCase() === '.csv' ? fromCsv(file, text, source) : fromYaml(file, text, source);
  return { version: 1, entries, notes: [] };
}
