import type { Logger } from 'pino';
import {
  type GeneratedQuestion,
  type Llm,
  LlmUnavailableError,
  type QuestionKind,
} from '../../adapters/llm/llm.js';
import { normaliseAnswer } from '../../adapters/llm/text-analysis.js';
import { ApiError } from '../../errors/api-error.js';
import { checkGrounded } from './check-grounded.js';
import type { ConceptMaterial } from './gather-material.js';
import type { VisibleConcept } from './question-access.js';

/** Asks the question writer, then keeps only the questions their source chunks answer. */
export async function writeGroundedQuestions({
  llm,
  logger,
  concept,
  material,
  kinds,
  count,
  avoidPrompts,
}: {
  llm: Llm;
  logger: Logger;
  concept: VisibleConcept;
  material: ConceptMaterial;
  kinds: QuestionKind[];
  count: number;
  avoidPrompts: string[];
}): Promise<GeneratedQuestion[]> {
  let generated: GeneratedQuestion[];
  try {
    generated = await llm.generateQuestions({
      concept: concept.concept,
      chunks: material.chunks,
      distractorTerms: material.distractorTerms,
      kinds,
      count,
      avoidPrompts,
    });
  } catch (error) {
    if (error instanceof LlmUnavailableError) {
      throw new ApiError('SERVICE_UNAVAILABLE', error.message, { cause: error });
    }
    throw error;
  }
  const seen = new Set(avoidPrompts.map(normaliseAnswer));
  const kept: GeneratedQuestion[] = [];
  for (const question of generated) {
    const key = normaliseAnswer(question.prompt);
    if (!kinds.includes(question.kind) || seen.has(key)) continue;
    const result = checkGrounded({ question, material });
    if (result.grounded) {
      seen.add(key);
      kept.push(result.question);
    } else
      logger.info(
        {
          ticketId: concept.ticketId,
          generator: llm.id,
          prompt: question.prompt,
          reason: result.reason,
        },
        'generated question dropped',
      );
  }
  return kept.slice(0, count);
}
