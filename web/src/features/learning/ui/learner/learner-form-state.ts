import type { AnswerResult, ReviewResult, SearchHit } from '../../learn-api/learner-api';

/** What a refused form gets back: the values typed, the problem beside each field, or overall. */
export interface FormRefusal<Values> {
  values: Values;
  fieldErrors: Partial<Record<keyof Values & string, string>>;
  message?: string;
}

export type AnswerFormState = FormRefusal<{ answer: string }> & { result?: AnswerResult };
export type ReviewFormState = FormRefusal<{ answer: string }> & { result?: ReviewResult };
export type NewPathFormState = FormRefusal<{ query: string; title: string }> & {
  /** The material the query found, shown before the path is built. */
  hits?: SearchHit[];
  /** The query those hits were found for: building uses it, not one edited since. */
  searchedQuery?: string;
  /** The path just built, whose concepts get their questions written next. */
  built?: { pathId: string; ticketIds: number[] };
};

/** Whether writing one concept's questions worked, and if not, why. */
export type WriteQuestionsOutcome = { ok: true; written: number } | { ok: false; message: string };
