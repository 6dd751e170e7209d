/** A stretch of a line's text in one style. */
export interface StyledRun {
  text: string;
  italic: boolean;
}

const ITALIC_TAG = /<(\/?)i>/gi;

/**
 * A cue's lines as runs of plain and italic text. Lines mark italics with `<i>` and `</i>` as SRT
 * does; an italic left open at a line's end goes on into the next line, as players show it.
 */
export function styledRuns(lines: readonly string[]): StyledRun[][] {
  let italic = false;
  return lines.map((line) => {
    const runs: StyledRun[] = [];
    let at = 0;
    const push = (text: string) => {
      if (text) runs.push({ text, italic });
    };
    for (const match of line.matchAll(ITALIC_TAG)) {
      push(line.slice(at, match.index));
      italic = match[1] !== '/';
      at = match.index + match[0].length;
    }
    push(line.slice(at));
    return runs;
  });
}

/** A line for runs, italics marked `<i>…</i>`, adjacent runs of one style merged. */
export function lineOfRuns(runs: readonly StyledRun[]): string {
  let line = '';
  let italic = false;
  for (const run of runs) {
    if (run.italic !== italic) line += run.italic ? '<i>' : '</i>';
    italic = run.italic;
    line += run.text;
  }
  return italic ? `${line}</i>` : line;
}
