import { z } from 'zod';

/**
 * What writes questions from course material and grades free-text answers. The local
 * default works from the text alone; a chat model does the same jobs when configured.
 */
export interface Llm {
  readonly kind: 'local' | 'openai';
  /** Names the implementation and model; stored with every question and attempt it made. */
  readonly id: string;
  generateQuestions(request: QuestionRequest): Promise<GeneratedQuestion[]>;
  gradeOpenAnswer(request: OpenAnswerRequest): Promise<OpenAnswerGrade>;
}

export const questionKinds = ['open', 'choice', 'cloze'] as const;
export const QuestionKindSchema = z.enum(questionKinds);
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

export const bloomLevels = [
  'remember',
  'understand',
  'apply',
  'analyze',
  'evaluate',
  'create',
] as const;
export const BloomLevelSchema = z.enum(bloomLevels);
export type BloomLevel = z.infer<typeof BloomLevelSchema>;

const difficultyOfBloom: Record<BloomLevel, number> = {
  remember: 1,
  understand: 2,
  apply: 3,
  analyze: 4,
  evaluate: 5,
  create: 5,
};

/** Difficulty 1-5 follows from the Bloom level: recalling is easiest, judging hardest. */
export function difficultyOfBloomLevel(level: BloomLevel): number {
  return difficultyOfBloom[level];
}

/** The lowest Bloom level of a difficulty, for an instructor who sets the difficulty. */
export function bloomLevelOfDifficulty(difficulty: number): BloomLevel {
  return bloomLevels.find((level) => difficultyOfBloom[level] === difficulty) ?? 'remember';
}

export const SourceChunkSchema = z.object({
  id: z.string(),
  text: z.string(),
  headingPath: z.array(z.string()),
  keyTerms: z.array(z.string()),
});
export type SourceChunk = z.infer<typeof SourceChunkSchema>;

export const QuestionRequestSchema = z.object({
  /** The concept the questions are about, e.g. "Binary heap". */
  concept: z.string().min(1),
  /** The material the questions must be answerable from. */
  chunks: z.array(SourceChunkSchema).min(1),
  /** Terms of the material's other concepts: the only words a wrong choice may be. */
  distractorTerms: z.array(z.string()),
  kinds: z.array(QuestionKindSchema).min(1),
  /** How many questions at most. */
  count: z.number().int().min(1),
  /** Prompts the concept already has, so new questions differ from them. */
  avoidPrompts: z.array(z.string()),
});
export type QuestionRequest = z.infer<typeof QuestionRequestSchema>;

export const GeneratedQuestionSchema = z.object({
  kind: QuestionKindSchema,
  /** Cloze prompts mark the missing words with `_____`. */
  prompt: z.string().min(1),
  expectedAnswer: z.string().min(1),
  /** Every option of a choice question, the expected answer among them; empty otherwise. */
  choices: z.array(z.string().min(1)),
  /** Terms an open answer should mention. */
  keyTerms: z.array(z.string().min(1)),
  bloomLevel: BloomLevelSchema,
  sourceChunkIds: z.array(z.string()).min(1),
});
export type GeneratedQuestion = z.infer<typeof GeneratedQuestionSchema>;

export const clozeBlank = '_____';

export const OpenAnswerRequestSchema = z.object({
  prompt: z.string(),
  expectedAnswer: z.string(),
  keyTerms: z.array(z.string()),
  answer: z.string(),
  /** The material the question was drawn from, to judge the answer against. */
  sourceText: z.string(),
});
export type OpenAnswerRequest = z.infer<typeof OpenAnswerRequestSchema>;

export const OpenAnswerGradeSchema = z.object({
  /** 0 (nothing right) to 1 (complete and correct). */
  score: z.number().min(0).max(1),
  /** What the answer got right, in a few words each. */
  right: z.array(z.string()),
  /** What the answer left out or got wrong. */
  missing: z.array(z.string()),
});
export type OpenAnswerGrade = z.infer<typeof OpenAnswerGradeSchema>;

/** The model could not be reached, timed out, or answered in a shape we cannot use. */
export class LlmUnavailableError extends Error {
  override readonly name = 'LlmUnavailableError';
}
