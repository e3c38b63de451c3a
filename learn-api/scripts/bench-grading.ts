/**
 * Prints how long the local grader takes per answer (choice, cloze and open answers, the last
 * judged by the in-process embedding model), over questions the local writer drew from a
 * short text. Usage: pnpm --filter @learntrac/learn-api bench:grading [--rounds N]
 */
import { parseArgs } from 'node:util';
import {
  createOnnxEmbedder,
  fetchModelCommand,
  findMissingModelFiles,
} from '../src/adapters/embedder/onnx-embedder.js';
import { createLocalLlm } from '../src/adapters/llm/local-llm.js';
import { defaultEmbeddingModelDir } from '../src/config.js';
import { gradeAnswer } from '../src/services/grading/grade-answer.js';
import {
  heapChunk,
  otherConceptTerms,
  stackChunk,
} from '../src/test-support/data-structures-text.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
const rounds = Number(values.rounds);
const modelDir = process.env.EMBEDDING_MODEL_DIR || defaultEmbeddingModelDir;
const missing = await findMissingModelFiles(modelDir);
if (missing.length > 0) {
  console.error(
    `The embedding model is missing (${missing.join(', ')}): run ${fetchModelCommand(modelDir)}`,
  );
  process.exit(1);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `${times.length} answers: p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms`;
};

const embedder = await createOnnxEmbedder({ modelDir });
const llm = createLocalLlm({ embedder });
const questions = await llm.generateQuestions({
  concept: 'binary heap',
  chunks: [heapChunk, stackChunk],
  distractorTerms: otherConceptTerms,
  kinds: ['open', 'choice', 'cloze'],
  count: 20,
  avoidPrompts: [],
});
const sourceText = `${heapChunk.text}\n\n${stackChunk.text}`;
// A right answer, a half-right one and a wrong one for each question.
const answersTo = (expected: string) => [
  expected,
  expected
    .split(' ')
    .slice(0, Math.ceil(expected.split(' ').length / 2))
    .join(' '),
  'Preheat the oven and bake the cake for forty minutes.',
];

const times: Record<'open' | 'exact', number[]> = { open: [], exact: [] };
const noLimit = async () => {};
for (const question of questions)
  await gradeAnswer({ llm, question, answer: 'warm up', sourceText, beforeLlmCall: noLimit });
for (let round = 0; round < rounds; round += 1) {
  for (const question of questions) {
    for (const answer of answersTo(question.expectedAnswer)) {
      const started = performance.now();
      await gradeAnswer({ llm, question, answer, sourceText, beforeLlmCall: noLimit });
      times[question.kind === 'open' ? 'open' : 'exact'].push(performance.now() - started);
    }
  }
}
await embedder.close();

const kinds = questions.map((question) => question.kind);
console.log(
  `grader       ${llm.id}; ${questions.length} questions (${kinds.filter((k) => k === 'open').length} open, ` +
    `${kinds.filter((k) => k === 'choice').length} choice, ${kinds.filter((k) => k === 'cloze').length} cloze)`,
);
console.log(`open         ${summary(times.open)}`);
console.log(`choice/cloze ${summary(times.exact)}`);
console.log(`all          ${summary([...times.open, ...times.exact])}  (target: p95 < 20 ms)`);
