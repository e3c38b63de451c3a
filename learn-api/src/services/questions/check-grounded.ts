import { clozeBlank, type GeneratedQuestion } from '../../adapters/llm/llm.js';
import {
  contentStems,
  coversTerm,
  findTerm,
  normaliseAnswer,
  stemCoverage,
} from '../../adapters/llm/text-analysis.js';
import type { ConceptMaterial } from './gather-material.js';

// Share of an open answer's meaningful words that must come from its source chunks.
const minOpenAnswerCoverage = 0.6;
// Share of a cloze sentence's words that must be the material's own.
const minClozeSentenceCoverage = 0.8;

export type GroundingResult =
  | { grounded: true; question: GeneratedQuestion }
  | { grounded: false; reason: string };

/**
 * Keeps a generated question only if its source chunks answer it: the expected answer is in
 * the chunks' text (its words, for open questions), a choice question's other options are
 * terms of other concepts, and a cloze prompt is the material's sentence with a blank.
 * Key terms the chunks do not contain are dropped.
 */
export function checkGrounded({
  question,
  material,
}: {
  question: GeneratedQuestion;
  material: ConceptMaterial;
}): GroundingResult {
  const sources = material.chunks.filter((chunk) => question.sourceChunkIds.includes(chunk.id));
  if (sources.length === 0 || sources.length !== new Set(question.sourceChunkIds).size) {
    return { grounded: false, reason: 'its source chunks are not the concept’s material' };
  }
  const sourceText = sources.map((chunk) => chunk.text).join('\n');
  const sourceStems = new Set(contentStems(sourceText));
  const keyTerms = question.keyTerms.filter((term) => coversTerm(sourceStems, term));

  switch (question.kind) {
    case 'cloze': {
      if (!question.prompt.includes(clozeBlank)) {
        return { grounded: false, reason: 'the cloze prompt has no blank' };
      }
      if (question.choices.length > 0) return { grounded: false, reason: 'a cloze has no choices' };
      if (!findTerm(sourceText, question.expectedAnswer)) {
        return { grounded: false, reason: 'the missing words are not in the material' };
      }
      const filled = question.prompt.replaceAll(clozeBlank, question.expectedAnswer);
      if (stemCoverage(sourceText, filled) < minClozeSentenceCoverage) {
        return { grounded: false, reason: 'the cloze sentence is not the material’s' };
      }
      break;
    }
    case 'choice': {
      const options = question.choices.map(normaliseAnswer);
      const expected = normaliseAnswer(question.expectedAnswer);
      if (options.length < 2 || new Set(options).size !== options.length) {
        return { grounded: false, reason: 'a choice question needs two or more distinct options' };
      }
      if (options.filter((option) => option === expected).length !== 1) {
        return { grounded: false, reason: 'the expected answer is not one of the choices' };
      }
      if (!findTerm(sourceText, question.expectedAnswer)) {
        return { grounded: false, reason: 'the right choice is not in the material' };
      }
      const distractors = new Set(material.distractorTerms.map(normaliseAnswer));
      if (options.some((option) => option !== expected && !distractors.has(option))) {
        return { grounded: false, reason: 'a wrong choice is not a term of another concept' };
      }
      break;
    }
    case 'open': {
      if (question.choices.length > 0) {
        return { grounded: false, reason: 'an open question has no choices' };
      }
      if (stemCoverage(sourceText, question.expectedAnswer) < minOpenAnswerCoverage) {
        return { grounded: false, reason: 'the expected answer is not drawn from the material' };
      }
      break;
    }
  }
  return { grounded: true, question: { ...question, keyTerms } };
}
