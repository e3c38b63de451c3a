import type { Llm } from './llm.js';
import { OpenAnswerRequestSchema, QuestionRequestSchema } from './llm.js';
import { responseFormatNames } from './openai-llm.js';

/**
 * Does what the OpenAI implementation asks of a chat model with the given (local) Llm, so an
 * OpenAI-compatible server can answer its structured requests with real questions and grades.
 */
export function answerStructuredLocally(llm: Llm) {
  return async ({ formatName, payload }: { formatName: string; payload: unknown }) => {
    if (formatName === responseFormatNames.questions) {
      return { questions: await llm.generateQuestions(QuestionRequestSchema.parse(payload)) };
    }
    if (formatName === responseFormatNames.grade) {
      return llm.gradeOpenAnswer(OpenAnswerRequestSchema.parse(payload));
    }
    return undefined;
  };
}
