/**
 * Reciprocal rank fusion: an item's score is the sum over the rankings of 1 / (k + rank).
 * It needs no calibration between the rankings' own scores (cosine similarity and text
 * rank are not on one scale) and rewards items that both rankings place high.
 */
export function fuseRankings(
  rankings: readonly (readonly string[])[],
  { k = 60 }: { k?: number } = {},
): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const ranking of rankings) {
    ranking.forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1));
    });
  }
  // Scaled so an item first in every ranking scores 1.
  const best = rankings.length / (k + 1);
  return [...scores]
    .map(([id, score]) => ({ id, score: score / best }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
