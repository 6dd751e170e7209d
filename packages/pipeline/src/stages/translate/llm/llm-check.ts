import type { Glossary } from '@bollyx/names';
import type { PromptLine } from './llm-prompt';

/** A line over its budget by more than this is prose, not a subtitle: the batch is refused. */
const BUDGET_TOLERANCE = 1.5;

export type CheckedAnswer =
  | {
      ok: true;
      texts: string[];
      /** Lines longer than their budget (within the tolerance): kept, counted, and what --llm-review shortens. */
      overBudget: number[];
    }
  | { ok: false; problem: string };

interface NumberedText {
  n: number;
  text: string;
}

/** A model's JSON answer: `{"lines":[{"n","text"}]}` (or the bare array), inside a ``` fence or not. */
function parseJson(content: string): NumberedText[] | string {
  const unfenced = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(unfenced);
  } catch {
    return 'the answer is not valid JSON';
  }
  const lines = Array.isArray(parsed) ? parsed : (parsed as { lines?: unknown } | null)?.lines;
  if (!Array.isArray(lines)) return 'the JSON has no "lines" array';
  const numbered: NumberedText[] = [];
  for (const line of lines as { n?: unknown; text?: unknown }[]) {
    if (typeof line?.n !== 'number' || typeof line.text !== 'string') return 'a JSON line lacks its number "n" or its "text"';
    numbered.push({ n: line.n, text: line.text });
  }
  return numbered;
}

/** The numbered format: `12. text` lines; a line that starts with no number continues the one before. */
function parseNumbered(content: string): NumberedText[] {
  const numbered: NumberedText[] = [];
  for (const raw of content.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const match = /^(\d+)\s*[.):]\s*(.*)$/.exec(line);
    if (match) numbered.push({ n: Number(match[1]), text: match[2]! });
    else if (numbered.length > 0) numbered.at(-1)!.text += ` ${line}`;
  }
  return numbered;
}

/** Letters compared as a reader would: nukta and accents aside, any case. */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u093C\u0300-\u036F]/g, '')
    .toLowerCase();

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `form` stands in `text` as a word of its own (not inside another: राम is not in आराम). */
const hasWord = (text: string, form: string) => new RegExp(`(?<![\\p{L}\\p{M}])${escaped(folded(form))}(?![\\p{L}\\p{M}])`, 'u').test(folded(text));

/** The glossary's Latin forms a translation of `source` must carry: those of the names the source says. */
export function namesDue(source: string, glossary: Glossary | undefined): string[] {
  if (glossary === undefined) return [];
  return glossary.entries
    .filter((entry) => !entry.translate && [entry.devanagari, entry.latin, ...entry.aliases].some((form) => form !== undefined && form.trim() !== '' && hasWord(source, form)))
    .map((entry) => entry.latin);
}

/**
 * Checks a model's answer to a batch: every line back once under its own number (none dropped, merged,
 * added or empty), the glossary's names in their Latin form where the source has them, and no line far
 * over its budget. The texts come back in the batch's order.
 */
export function checkAnswer(content: string, lines: readonly PromptLine[], glossary: Glossary | undefined): CheckedAnswer {
  const trimmed = content.trim();
  const parsed = trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('```') ? parseJson(trimmed) : parseNumbered(trimmed);
  if (typeof parsed === 'string') return { ok: false, problem: parsed };
  const byNumber = new Map<number, string>();
  for (const { n, text } of parsed) {
    if (byNumber.has(n)) return { ok: false, problem: `line ${n} came back twice` };
    if (!lines.some((line) => line.n === n)) return { ok: false, problem: `line ${n} was not asked for` };
    byNumber.set(n, text.trim());
  }
  const missing = lines.filter((line) => !byNumber.get(line.n));
  if (missing.length > 0) return { ok: false, problem: `line${missing.length === 1 ? '' : 's'} ${missing.map((line) => line.n).join(', ')} missing or empty (dropped or merged)` };
  const texts = lines.map((line) => byNumber.get(line.n)!);
  const overBudget: number[] = [];
  for (const [index, line] of lines.entries()) {
    const text = texts[index]!;
    const lacking = namesDue(line.text, glossary).filter((name) => !hasWord(text, name));
    if (lacking.length > 0) return { ok: false, problem: `line ${line.n} lacks ${lacking.map((name) => `"${name}"`).join(', ')}` };
    const length = [...text].length;
    if (length > line.budget * BUDGET_TOLERANCE) return { ok: false, problem: `line ${line.n} is ${length} characters for a budget of ${line.budget}` };
    if (length > line.budget) overBudget.push(line.n);
  }
  return { ok: true, texts, overBudget };
}
