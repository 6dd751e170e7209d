import type { NameChange } from './correct-names';

/** One line of a scoring fixture: the text and its planted misspellings, [as written, as the glossary spells it]. */
export interface ScoredLine {
  text: string;
  fixes: Array<[string, string]>;
}

/** A change is right when it makes a planted fix (or the part of one it covers, or one plus its neighbour words). */
const fixes = (change: NameChange, [wrong, right]: [string, string]): boolean =>
  (change.before === wrong && change.after === right) ||
  (wrong.includes(change.before) && wrong.replace(change.before, change.after) === right) ||
  (change.before.includes(wrong) && change.before.replace(wrong, right) === change.after);

/** Precision (changes that fix a planted misspelling) and recall (planted misspellings fixed) over lines. */
export function scoreCorrections(lines: ReadonlyArray<{ line: ScoredLine; changes: readonly NameChange[] }>): {
  precision: number;
  recall: number;
  changes: number;
  planted: number;
  wrong: Array<{ text: string; change: NameChange }>;
  missed: Array<{ text: string; fix: [string, string] }>;
} {
  let right = 0;
  let changes = 0;
  let planted = 0;
  let found = 0;
  const wrong: Array<{ text: string; change: NameChange }> = [];
  const missed: Array<{ text: string; fix: [string, string] }> = [];
  for (const { line, changes: made } of lines) {
    changes += made.length;
    planted += line.fixes.length;
    for (const change of made) {
      if (line.fixes.some((fix) => fixes(change, fix))) right++;
      else wrong.push({ text: line.text, change });
    }
    for (const fix of line.fixes) {
      if (made.some((change) => fixes(change, fix))) found++;
      else missed.push({ text: line.text, fix });
    }
  }
  return { precision: changes === 0 ? 1 : right / changes, recall: planted === 0 ? 1 : found / planted, changes, planted, wrong, missed };
}
