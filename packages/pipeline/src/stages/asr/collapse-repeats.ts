/** Text compared loosely: case, spacing and punctuation do not make a line different. */
function normalise(text: string): string {
  return text
    .toLocaleLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Collapses a line that Whisper repeats `minRun` or more times in a row (its best-known hallucination
 * loop) to its first occurrence. Shorter runs stay: people do say "No. No.".
 */
export function collapseRepeats<T extends { text: string }>(segments: readonly T[], minRun = 3): T[] {
  const kept: T[] = [];
  let index = 0;
  while (index < segments.length) {
    const key = normalise(segments[index]!.text);
    let runEnd = index + 1;
    while (runEnd < segments.length && key !== '' && normalise(segments[runEnd]!.text) === key) runEnd += 1;
    const run = segments.slice(index, runEnd);
    kept.push(...(run.length >= minRun ? run.slice(0, 1) : run));
    index = runEnd;
  }
  return kept;
}
