import type { Embedder } from '../embedder/embedder.js';
import { writeExtractiveQuestions } from './extractive-questions.js';
import type { Llm, OpenAnswerGrade, OpenAnswerRequest } from './llm.js';
import {
  contentStems,
  contentWords,
  cosineSimilarity,
  coversTerm,
  words,
} from './text-analysis.js';

// Cosine similarity of sentence embeddings between an answer and the expected one: below
// the floor the two are about different things, above the ceiling they say the same.
const similarityFloor = 0.25;
const similarityCeiling = 0.8;
// Expected answers are few and asked about again and again: their vectors are kept.
const maxRememberedAnswers = 2_000;

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** The expected answers' vectors, most recently used last; the oldest goes when full. */
function rememberVectors(embedder: Embedder) {
  const remembered = new Map<string, Float32Array>();
  return async (text: string): Promise<Float32Array> => {
    let vector = remembered.get(text);
    if (vector) remembered.delete(text);
    else [vector] = (await embedder.embed([text])) as [Float32Array];
    remembered.set(text, vector);
    if (remembered.size > maxRememberedAnswers) {
      remembered.delete(remembered.keys().next().value!);
    }
    return vector;
  };
}

/**
 * Grades a free-text answer by how close it is in meaning to the expected answer (the
 * embedding model) and how many of the key terms it uses, half each.
 */
async function gradeBySimilarity(
  embedder: Embedder,
  expectedVectorOf: (text: string) => Promise<Float32Array>,
  { expectedAnswer, keyTerms, answer }: OpenAnswerRequest,
): Promise<OpenAnswerGrade> {
  const terms = keyTerms.length > 0 ? keyTerms : [...new Set(contentWords(expectedAnswer))];
  if (words(answer).length === 0) return { score: 0, right: [], missing: terms };
  const [[answerVector], expectedVector] = await Promise.all([
    embedder.embed([answer]),
    expectedVectorOf(expectedAnswer),
  ]);
  const similarity = cosineSimilarity(answerVector!, expectedVector);
  const meaning = clamp01((similarity - similarityFloor) / (similarityCeiling - similarityFloor));
  const answerStems = new Set(contentStems(answer));
  const right = terms.filter((term) => coversTerm(answerStems, term));
  const missing = terms.filter((term) => !right.includes(term));
  const coverage = terms.length === 0 ? meaning : right.length / terms.length;
  return { score: Math.round((meaning + coverage) * 50) / 100, right, missing };
}

/** The default without a chat model: questions from the material's sentences, grading by similarity. */
export function createLocalLlm({ embedder }: { embedder: Embedder }): Llm {
  const expectedVectorOf = rememberVectors(embedder);
  return {
    kind: 'local',
    id: `local-extractive+${embedder.id}`,
    generateQuestions: (request) => writeExtractiveQuestions({ request, embedder }),
    gradeOpenAnswer: (request) => gradeBySimilarity(embedder, expectedVectorOf, request),
  };
}
