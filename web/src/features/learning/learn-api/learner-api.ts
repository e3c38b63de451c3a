import 'server-only';
import {
  type LearnApiClient,
  type LearnApiResult,
  type LearnApiSchemas,
  learnApiResult,
} from './learn-api-client';

export type PathDetail = LearnApiSchemas['PathDetail'];
export type PathConcept = LearnApiSchemas['Concept'];
export type NextSteps = LearnApiSchemas['NextSteps'];
export type OwnProgress = LearnApiSchemas['OwnProgress'];
export type ProgressHistory = LearnApiSchemas['ProgressHistory'];
export type LearnerQuestion = LearnApiSchemas['LearnerQuestion'];
export type AnswerResult = LearnApiSchemas['AnswerResult'];
export type ReviewResult = LearnApiSchemas['ReviewResult'];
export type DueCard = LearnApiSchemas['DueCard'];
export type OwnAttempt = LearnApiSchemas['OwnAttempts']['attempts'][number];
export type SearchHit = LearnApiSchemas['SearchHit'];
export type PathSummary = LearnApiSchemas['Path'];

/** How many paths the dashboard asks "what next" for; older ones are a click away. */
const DASHBOARD_PATHS = 12;

export interface Dashboard {
  /** Counts are null for a path the learner has not begun: learn-api counts begun paths only. */
  paths: (PathSummary & {
    counts: { concepts: number; mastered: number; started: number } | null;
  })[];
  ready: { path: PathSummary; concept: PathConcept }[];
  dueReviews: DueCard[];
}

/**
 * The learner's paths with their progress, what they are ready for next, and the reviews that
 * fall due before the day ends (days end at midnight UTC, as the site shows its dates).
 */
export async function loadDashboard(
  api: LearnApiClient,
  { reviews, now = new Date() }: { reviews: boolean; now?: Date },
): Promise<LearnApiResult<Dashboard>> {
  const endOfDay = new Date(now);
  endOfDay.setUTCHours(23, 59, 59, 999);
  const [paths, progress, due] = await Promise.all([
    learnApiResult(api.GET('/api/learntrac/paths', { params: { query: { limit: 100 } } })),
    learnApiResult(api.GET('/api/learntrac/progress')),
    // Review cards are for those who answer; anyone else simply has none.
    reviews
      ? learnApiResult(
          api.GET('/api/learntrac/review/due', {
            params: { query: { limit: 100, before: endOfDay.toISOString() } },
          }),
        )
      : Promise.resolve({ ok: true as const, status: 200, data: { cards: [] as DueCard[] } }),
  ]);
  if (!paths.ok) return paths;
  if (!progress.ok) return progress;
  if (!due.ok) return due;
  const counts = new Map(progress.data.paths.map((path) => [path.id, path]));
  const listed = paths.data.paths
    .filter((path) => path.status === 'published' || path.kind === 'personal')
    .map((path) => ({ ...path, counts: counts.get(path.id) ?? null }));
  const nextSteps = await Promise.all(
    listed.slice(0, DASHBOARD_PATHS).map(async (path) => ({
      path,
      next: await learnApiResult(
        api.GET('/api/learntrac/paths/{id}/next', { params: { path: { id: path.id } } }),
      ),
    })),
  );
  const ready = nextSteps.flatMap(({ path, next }) =>
    next.ok ? next.data.ready.slice(0, 3).map((concept) => ({ path, concept })) : [],
  );
  return { ok: true, status: 200, data: { paths: listed, ready, dueReviews: due.data.cards } };
}

export function loadPath(api: LearnApiClient, pathId: string) {
  return learnApiResult(api.GET('/api/learntrac/paths/{id}', { params: { path: { id: pathId } } }));
}

export interface ConceptPage {
  path: PathDetail;
  concept: PathConcept;
  questions: LearnerQuestion[];
  attempts: OwnAttempt[];
}

/** A concept of a path with its questions and the learner's own attempts. */
export async function loadConceptPage(
  api: LearnApiClient,
  { pathId, ticketId }: { pathId: string; ticketId: number },
): Promise<LearnApiResult<ConceptPage> | null> {
  const path = await loadPath(api, pathId);
  if (!path.ok) return path;
  const concept = path.data.concepts.find((c) => c.ticketId === ticketId);
  if (!concept) return null;
  const ticket = { params: { path: { ticketId } } };
  const [questions, attempts] = await Promise.all([
    learnApiResult(api.GET('/api/learntrac/concepts/{ticketId}/questions', ticket)),
    learnApiResult(api.GET('/api/learntrac/concepts/{ticketId}/attempts', ticket)),
  ]);
  if (!questions.ok) return questions;
  if (!attempts.ok) return attempts;
  return {
    ok: true,
    status: 200,
    data: {
      path: path.data,
      concept,
      // Learners are given the learner's view of each question: never the expected answer.
      questions: questions.data.questions.map(
        ({ id, kind, prompt, choices, difficulty, sourceChunkIds }) => ({
          id,
          kind,
          prompt,
          choices,
          difficulty,
          sourceChunkIds,
        }),
      ),
      attempts: attempts.data.attempts,
    },
  };
}

export function loadDueCards(api: LearnApiClient) {
  return learnApiResult(api.GET('/api/learntrac/review/due', { params: { query: { limit: 50 } } }));
}

/** Overall progress, and mastery day by day over 30 days: overall, or of one path. */
export async function loadProgress(
  api: LearnApiClient,
  pathId?: string,
): Promise<LearnApiResult<{ progress: OwnProgress; history: ProgressHistory }>> {
  const [progress, history] = await Promise.all([
    learnApiResult(api.GET('/api/learntrac/progress')),
    learnApiResult(
      api.GET('/api/learntrac/progress/history', { params: { query: { days: 30, pathId } } }),
    ),
  ]);
  if (!progress.ok) return progress;
  if (!history.ok) return history;
  return { ok: true, status: 200, data: { progress: progress.data, history: history.data } };
}
