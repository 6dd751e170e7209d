/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`: optimal string alignment. */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const table: number[] = [];
  // Read through `?? 0`: every cell read is written before (row 0 and column 0 hold their index).
  const at = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        table[i * width + j] = i + j;
        continue;
      }
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, at(i - 2, j - 2) + 1);
      table[i * width + j] = distance;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate `word` was most likely meant as: the nearest within two edits (fewer for short words, where
 * two edits make anything near anything), else the first it begins; the earlier candidate wins a tie.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let nearest: string | undefined;
  let nearestDistance = Math.min(2, Math.floor(word.length / 2)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < nearestDistance) [nearest, nearestDistance] = [candidate, distance];
  }
  return nearest ?? (word.length >= 3 ? candidates.find((candidate) => candidate.startsWith(word)) : undefined);
}
