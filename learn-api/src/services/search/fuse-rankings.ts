/**
 * Reciprocal rank fusion: an item's score is the sum over the rankings of 1 / (k + rank).
 * It needs no calibration between the rankings' own scores (cosine similarity and text
 * rank are not on one scale) and rewards items that both rankings place high.
 */
export function fuseRankings(
  rankings: readonly { ids: readonly string[]; weight?: number }[],
  { k = 60 }: { k?: number } = {},
): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const { ids, weight = 1 } of rankings) {
    ids.forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1));
    });
  }
  // Scaled so an item first in every ranking scores 1.
  const best = rankings.reduce((sum, { weight = 1 }) => sum + weight, 0) / (k + 1);
  return [...scores]
    .map(([id, score]) => ({ id, score: score / best }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
