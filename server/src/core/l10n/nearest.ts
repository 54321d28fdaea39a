// "Did you mean …": the nearest of a few known words to a misspelt one (a key, a command, an option), by
// Damerau-Levenshtein distance (insertions, deletions, substitutions and swaps of two neighbours each cost 1).
// Pure: imports nothing.

/** The optimal-string-alignment distance between two strings (a swap of two neighbours counts once). */
export function damerauLevenshtein(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_unused, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(distance[i - 1][j] + 1, distance[i][j - 1] + 1, distance[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, distance[i - 2][j - 2] + 1);
      distance[i][j] = best;
    }
  }
  return distance[a.length][b.length];
}

/** How far a word may be from a known one and still be taken for a misspelling of it: 1 for short words, up to 3. */
export function suggestionThreshold(word: string): number {
  return Math.max(1, Math.min(3, Math.floor(word.length / 3)));
}

function sortedLetters(word: string): string {
  return [...word.toLowerCase()].sort().join("");
}

/**
 * The known word nearest to `word` (case ignored), when it is near enough to be a misspelling of it; among equally
 * near ones, the one with the same letters (two swapped: `lnit` → `lint`, not `init`), then the one with the same
 * first letter; undefined when that still leaves more than one.
 */
export function nearestWord(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let nearest: string[] = [];
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (candidate === word) continue;
    const distance = damerauLevenshtein(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      nearest = [candidate];
      bestDistance = distance;
    } else if (distance === bestDistance) {
      nearest.push(candidate);
    }
  }
  if (nearest.length === 0 || bestDistance > suggestionThreshold(word)) return undefined;
  for (const prefer of [
    (candidate: string) => sortedLetters(candidate) === sortedLetters(word),
    (candidate: string) => candidate[0]?.toLowerCase() === lower[0],
  ]) {
    if (nearest.length === 1) break;
    const preferred = nearest.filter(prefer);
    if (preferred.length > 0) nearest = preferred;
  }
  return nearest.length === 1 ? nearest[0] : undefined;
}
