import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { GlossaryFileError } from './errors';
import { GlossarySchema, type Glossary, type GlossaryEntry } from './glossary-schema';
import { nameKey } from './name-key';

/**
 * What the names stage keeps beside the job's glossary: the glossary exactly as it last wrote it, and
 * the names the user has deleted from it. Comparing the job's glossary with `written` tells a user's
 * edit from the stage's own output.
 */
export const GlossaryStateSchema = z.object({ written: GlossarySchema, removed: z.array(z.string()).default([]) });
export type GlossaryState = z.infer<typeof GlossaryStateSchema>;

const FIX = 'fix the file by hand (it is JSON: names/glossary.json in the job folder), or delete it to have the names stage write it afresh';

/** A job's `names/glossary.json`, checked; undefined when there is none. Throws GlossaryFileError (with the line) when it is broken. */
export async function readJobGlossaryFile(file: string): Promise<Glossary | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = at === undefined ? undefined : text.slice(0, Number(at)).split('\n').length;
    throw new GlossaryFileError(file, line, 'not valid JSON', FIX);
  }
  const parsed = GlossarySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GlossaryFileError(file, undefined, `${issue.path.join('.')}: ${issue.message}`, FIX);
  }
  return parsed.data;
}

/** What a user changed in the job's glossary, to carry into the next one. */
export interface GlossaryEdits {
  /** Names the user added or changed (and those they changed before), tagged with source `edit`. */
  edits: GlossaryEntry[];
  /** Latin forms of names the user deleted. */
  removed: string[];
}

/** An entry as JSON with its keys sorted: a hand edit may reorder keys without changing anything. */
const canonical = (entry: GlossaryEntry) => JSON.stringify(entry, Object.keys(entry).sort());
const same = (a: GlossaryEntry, b: GlossaryEntry) => canonical(a) === canonical(b);
const tagged = (entry: GlossaryEntry): GlossaryEntry => (entry.sources.includes('edit') ? entry : { ...entry, sources: ['edit', ...entry.sources] });

/**
 * The user's edits of the job's glossary (`current`) against what the names stage last wrote (`state`):
 * an entry not written so is an edit; a written name missing from `current` was deleted. Earlier edits
 * and deletions are kept. No current glossary (the user deleted the file) starts afresh.
 */
export function glossaryEdits(current: Glossary | undefined, state: GlossaryState | undefined): GlossaryEdits {
  if (current === undefined || state === undefined) return { edits: [], removed: [] };
  const written = GlossarySchema.parse(state.written).entries;
  const edits = current.entries.filter((entry) => entry.sources.includes('edit') || !written.some((before) => same(before, entry))).map(tagged);
  const present = new Set(current.entries.flatMap((entry) => [entry.latin, entry.devanagari ?? ''].map(nameKey)));
  const deleted = written.filter((entry) => !present.has(nameKey(entry.latin))).map((entry) => entry.latin);
  const removed = [...new Set([...state.removed.filter((name) => !present.has(nameKey(name))), ...deleted])];
  return { edits, removed };
}
