import type { Question } from '@learntrac/db';
import { type Llm, LlmUnavailableError } from '../../adapters/llm/llm.js';
import { normaliseAnswer } from '../../adapters/llm/text-analysis.js';
import { ApiError } from '../../errors/api-error.js';

export interface Grade {
  /** 0 (nothing right) to 1 (complete and correct). */
  score: number;
  /** What the answer got right. */
  right: string[];
  /** What it left out or got wrong. */
  missing: string[];
  /** The feedback in one or two sentences. */
  summary: string;
  /** `exact` for choice and cloze, else the language model that judged the answer. */
  grader: string;
}

function quoteList(items: string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}

function gradeExactly(
  question: Pick<Question, 'kind' | 'expectedAnswer' | 'choices'>,
  answer: string,
): Grade {
  const given = normaliseAnswer(answer);
  if (given === normaliseAnswer(question.expectedAnswer)) {
    return {
      score: 1,
      right: [question.expectedAnswer],
      missing: [],
      summary: `Right: "${question.expectedAnswer}".`,
      grader: 'exact',
    };
  }
  const offered =
    question.kind !== 'choice' ||
    question.choices.some((choice) => normaliseAnswer(choice) === given);
  return {
    score: 0,
    right: [],
    missing: [question.expectedAnswer],
    summary:
      `Not quite: the answer is "${question.expectedAnswer}".` +
      (offered ? '' : ` "${answer.trim()}" is not one of the choices.`),
    grader: 'exact',
  };
}

function summariseOpenGrade(score: number, right: string[], missing: string[]): string {
  const parts = [
    right.length > 0
      ? `You got right: ${quoteList(right)}.`
      : 'Your answer does not cover the key points yet.',
  ];
  if (missing.length > 0) parts.push(`Missing: ${quoteList(missing)}.`);
  else if (score >= 0.8) parts.push('Nothing important is missing.');
  return parts.join(' ');
}

/**
 * Choice and cloze answers must match the expected answer (case, accents, punctuation and
 * a leading article aside). Open answers are judged by the language model: a chat model
 * when one is configured, else the local model's similarity and key-term coverage.
 * `beforeLlmCall` runs first when a chat model will be used (it applies the rate limit).
 */
export async function gradeAnswer({
  llm,
  question,
  answer,
  sourceText,
  beforeLlmCall,
}: {
  llm: Llm;
  question: Pick<Question, 'kind' | 'prompt' | 'expectedAnswer' | 'choices' | 'keyTerms'>;
  answer: string;
  sourceText: string;
  beforeLlmCall: () => Promise<void>;
}): Promise<Grade> {
  if (question.kind !== 'open') return gradeExactly(question, answer);
  if (llm.kind !== 'local') await beforeLlmCall();
  try {
    const grade = await llm.gradeOpenAnswer({
      prompt: question.prompt,
      expectedAnswer: question.expectedAnswer,
      keyTerms: question.keyTerms,
      answer,
      sourceText,
    });
    const score = Math.round(Math.min(1, Math.max(0, grade.score)) * 100) / 100;
    return {
      score,
      right: grade.right,
      missing: grade.missing,
      summary: summariseOpenGrade(score, grade.right, grade.missing),
      grader: llm.id,
    };
  } catch (error) {
    if (error instanceof LlmUnavailableError) {
      throw new ApiError('SERVICE_UNAVAILABLE', error.message, { cause: error });
    }
    throw error;
  }
}
