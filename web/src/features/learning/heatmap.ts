/** A learner's standing on one concept, as learn-api's matrix gives it. */
export interface HeatmapCell {
  status: 'not_started' | 'in_progress' | 'completed' | 'mastered';
  score: number;
  attempts: number;
}

const STATUS_WORDS: Record<HeatmapCell['status'], string> = {
  not_started: 'not started',
  in_progress: 'in progress',
  completed: 'completed',
  mastered: 'mastered',
};

/**
 * What a cell says in words (colour only repeats it): the status, and the score with the number
 * of attempts once there are any.
 */
export function describeCell(cell: HeatmapCell): string {
  if (cell.attempts === 0) return STATUS_WORDS[cell.status];
  const tries = cell.attempts === 1 ? '1 try' : `${cell.attempts} tries`;
  return `${STATUS_WORDS[cell.status]}, ${Math.round(cell.score * 100)}% (${tries})`;
}

/** The colour band of a cell, from no answer yet to a high score: a class name of the heatmap. */
export function heatBand(cell: HeatmapCell): string {
  if (cell.attempts === 0) return 'heat-none';
  if (cell.status === 'mastered') return 'heat-mastered';
  if (cell.score >= 0.6) return 'heat-good';
  if (cell.score >= 0.3) return 'heat-fair';
  return 'heat-poor';
}

/** A learner's name: the user name they answer under, else a shortened sign-in id. */
export function learnerName(learner: { userId: string; username?: string | null }): string {
  return learner.username ?? `user ${learner.userId.slice(0, 8)}`;
}

/** "67%", or a dash when nobody has answered yet. */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`;
}
