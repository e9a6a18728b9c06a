/**
 * Did-you-mean: the known names closest to a misspelt one (case-insensitive edit distance,
 * with an adjacent swap counting as one edit).
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[s.length]![t.length]!;
}

/** The closest candidates, within a distance that grows with the word's length (1 for short
 *  words, up to 3); a candidate equal but for case, or one the word is a prefix of, counts as
 *  very close. */
export function suggestNames(word: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  const scored: Array<{ name: string; score: number }> = [];
  for (const name of new Set(candidates)) {
    if (name === word) continue;
    let score = editDistance(word, name);
    if (name.toLowerCase() === word.toLowerCase()) score = 0;
    else if (word.length >= 3 && name.toLowerCase().startsWith(word.toLowerCase())) score = Math.min(score, 1);
    if (score <= limit) scored.push({ name, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // only the closest: `IPadr2` means IPaddr2, not IPaddr as well
  const best = scored[0]?.score;
  return scored.filter((s) => s.score === best).slice(0, max).map((s) => s.name);
}

/** `did you mean X?` / `did you mean X or Y?`, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const names = suggestNames(word, candidates);
  if (names.length === 0) return undefined;
  const quoted = names.map((n) => `'${n}'`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return `did you mean ${list}?`;
}
