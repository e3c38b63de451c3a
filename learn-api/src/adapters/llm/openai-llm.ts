import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  GeneratedQuestionSchema,
  type Llm,
  LlmUnavailableError,
  type OpenAnswerGrade,
  OpenAnswerGradeSchema,
} from './llm.js';

/** Names of the structured replies asked for; a compatible server answers by these names. */
export const responseFormatNames = {
  questions: 'generated_questions',
  grade: 'open_answer_grade',
} as const;

export const GeneratedQuestionsSchema = z.object({ questions: z.array(GeneratedQuestionSchema) });

const questionInstructions = `You write study questions from course material.
The user message is JSON: the concept, the material's chunks (id, text, headingPath, keyTerms),
distractorTerms, the kinds wanted, how many at most (count) and prompts to avoid repeating.
Rules:
- Every question is answerable from the chunks alone; sourceChunkIds lists the chunks its answer comes from.
- cloze: the prompt is a sentence of the material with the missing words written _____; expectedAnswer is exactly the missing words as the chunk writes them; choices is empty.
- choice: choices holds the expected answer and two or three wrong options, each wrong option copied from distractorTerms.
- open: expectedAnswer is a complete answer drawn from the chunks; keyTerms are the terms a good answer mentions; choices is empty.
- bloomLevel is the level of Bloom's taxonomy the question exercises.
- Never repeat a prompt from avoidPrompts.`;

const gradeInstructions = `You grade a learner's answer to a study question.
The user message is JSON: prompt, expectedAnswer, keyTerms, the learner's answer and the source
text. Judge the answer against the source text and the expected answer only.
score is 0 (nothing right) to 1 (complete and correct); right lists what the answer got right,
missing what it left out or got wrong, a few words each.`;

export interface CreateOpenAiLlmInput {
  apiKey: string;
  /** An OpenAI-compatible endpoint; the OpenAI API when absent. */
  baseUrl?: string | undefined;
  model: string;
  timeoutMs: number;
  /** Retries of failed or timed-out calls, with exponential backoff between them. */
  maxRetries: number;
  logger: Logger;
}

export function createOpenAiLlm({
  apiKey,
  baseUrl,
  model,
  timeoutMs,
  maxRetries,
  logger,
}: CreateOpenAiLlmInput): Llm {
  const client = new OpenAI({ apiKey, baseURL: baseUrl, timeout: timeoutMs, maxRetries });

  async function complete<Schema extends z.ZodType>(
    operation: string,
    schema: Schema,
    formatName: string,
    instructions: string,
    payload: unknown,
  ): Promise<z.infer<Schema>> {
    const started = performance.now();
    let completion: Awaited<ReturnType<typeof client.chat.completions.parse>>;
    try {
      completion = await client.chat.completions.parse({
        model,
        messages: [
          { role: 'system', content: instructions },
          { role: 'user', content: JSON.stringify(payload) },
        ],
        response_format: zodResponseFormat(schema, formatName),
      });
    } catch (error) {
      logger.warn({ err: error, operation, model }, 'chat model call failed');
      throw new LlmUnavailableError(
        `The chat model could not ${operation}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    const usage = completion.usage;
    logger.info(
      {
        operation,
        model: completion.model,
        promptTokens: usage?.prompt_tokens,
        completionTokens: usage?.completion_tokens,
        totalTokens: usage?.total_tokens,
        durationMs: Math.round(performance.now() - started),
      },
      'chat model tokens',
    );
    const message = completion.choices[0]?.message;
    if (message?.refusal) {
      throw new LlmUnavailableError(`The chat model declined to ${operation}: ${message.refusal}`);
    }
    if (!message?.parsed) {
      throw new LlmUnavailableError(`The chat model gave no answer when asked to ${operation}`);
    }
    return message.parsed as z.infer<Schema>;
  }

  return {
    kind: 'openai',
    id: `openai:${model}`,
    async generateQuestions(request) {
      const reply = await complete(
        'write questions',
        GeneratedQuestionsSchema,
        responseFormatNames.questions,
        questionInstructions,
        request,
      );
      return reply.questions;
    },
    async gradeOpenAnswer(request): Promise<OpenAnswerGrade> {
      return complete(
        'grade an answer',
        OpenAnswerGradeSchema,
        responseFormatNames.grade,
        gradeInstructions,
        request,
      );
    },
  };
}
