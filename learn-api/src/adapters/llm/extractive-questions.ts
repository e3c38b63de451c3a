import { createHash } from 'node:crypto';
import type { Embedder } from '../embedder/embedder.js';
import {
  type BloomLevel,
  clozeBlank,
  type GeneratedQuestion,
  type QuestionKind,
  type QuestionRequest,
  type SourceChunk,
} from './llm.js';
import {
  contentStems,
  cosineSimilarity,
  findTerm,
  normaliseAnswer,
  splitSentences,
  words,
} from './text-analysis.js';

// A sentence shorter than this gives too little context to ask about; a longer one is a
// list or a run-on that makes a poor prompt.
const minSentenceWords = 6;
const maxSentenceWords = 60;
const distractorsPerQuestion = 3;
// Terms this close in meaning to the answer are near-synonyms: a second right answer.
const synonymSimilarity = 0.92;

interface Definition {
  term: string;
  body: string;
  sentence: string;
}

interface ChunkReading {
  chunk: SourceChunk;
  /** Terms of the chunk that occur in its text, the concept first. */
  terms: string[];
  /** Usable sentences, those naming most terms first. */
  keySentences: { sentence: string; terms: string[] }[];
  definitions: Definition[];
}

const definitionVerbs =
  '(?:is|are|was|were|refers to|refer to|means|mean|denotes|describes|is defined as|are defined as|is called)';

function unique(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = normaliseAnswer(value);
    if (key && !seen.has(key)) {
      seen.add(key);
      out.push(value.trim());
    }
  }
  return out;
}

function termsIn(sentence: string, terms: string[]): string[] {
  return terms.filter((term) => findTerm(sentence, term) !== null);
}

/** "A heap is a tree in which…" or "…this structure is called a heap." */
function findDefinition(sentence: string, terms: string[]): Definition | null {
  for (const term of terms) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const leading = new RegExp(
      `^(?:(?:an?|the)\\s+)?${escaped}(?:\\s*\\([^)]*\\))?\\s*,?\\s+${definitionVerbs}\\s+(.{12,}?)[.!]?$`,
      'iu',
    ).exec(sentence);
    if (leading) return { term, body: leading[1]!.trim(), sentence };
    const trailing = new RegExp(
      `^(.{12,}?)\\s+(?:is|are)\\s+(?:called|known as|named)\\s+(?:an?\\s+|the\\s+)?${escaped}[.!]?$`,
      'iu',
    ).exec(sentence);
    if (trailing) return { term, body: trailing[1]!.trim(), sentence };
  }
  return null;
}

function readChunk(chunk: SourceChunk, concept: string): ChunkReading {
  const terms = unique([concept, ...chunk.keyTerms])
    .filter((term) => findTerm(chunk.text, term) !== null)
    // Longer terms first, so "binary heap" is found before "heap".
    .sort((a, b) => (a === concept ? -1 : b === concept ? 1 : b.length - a.length));
  const usable = splitSentences(chunk.text).filter((sentence) => {
    const count = words(sentence).length;
    return count >= minSentenceWords && count <= maxSentenceWords && !sentence.endsWith('?');
  });
  const keySentences = usable
    .map((sentence, order) => ({ sentence, terms: termsIn(sentence, terms), order }))
    .filter((entry) => entry.terms.length > 0)
    .sort((a, b) => b.terms.length - a.terms.length || a.order - b.order)
    .map(({ sentence, terms: found }) => ({ sentence, terms: found }));
  const definitions = usable
    .map((sentence) => findDefinition(sentence, terms))
    .filter((definition): definition is Definition => definition !== null);
  return { chunk, terms, keySentences, definitions };
}

/** Replaces every whole-word occurrence of the term with the blank. */
function blankOut(sentence: string, term: string): { prompt: string; answer: string } | null {
  const first = findTerm(sentence, term);
  if (!first) return null;
  let rest = sentence;
  let blanked = '';
  for (let found = findTerm(rest, term); found; found = findTerm(rest, term)) {
    blanked += rest.slice(0, found.index) + clozeBlank;
    rest = rest.slice(found.index + found.match.length);
  }
  blanked += rest;
  // The rest of the sentence must say enough to find the words again.
  if (words(blanked).length < minSentenceWords - 1) return null;
  return { prompt: blanked, answer: first.match };
}

/** A question and the sentence it was made from: one question per sentence is enough. */
interface Candidate {
  question: GeneratedQuestion;
  basis: string;
}

function candidate(
  kind: QuestionKind,
  bloomLevel: BloomLevel,
  chunk: SourceChunk,
  basis: string,
  fields: Pick<GeneratedQuestion, 'prompt' | 'expectedAnswer'> &
    Partial<Pick<GeneratedQuestion, 'choices' | 'keyTerms'>>,
): Candidate {
  return {
    basis,
    question: {
      kind,
      bloomLevel,
      sourceChunkIds: [chunk.id],
      choices: [],
      keyTerms: [],
      ...fields,
    },
  };
}

/** Definitions make better open and choice questions, so a cloze takes other sentences first. */
function clozeQuestions(reading: ChunkReading): Candidate[] {
  const definitions = new Set(reading.definitions.map((definition) => definition.sentence));
  const sentences = [
    ...reading.keySentences.filter((entry) => !definitions.has(entry.sentence)),
    ...reading.keySentences.filter((entry) => definitions.has(entry.sentence)),
  ];
  const out: Candidate[] = [];
  for (const { sentence, terms } of sentences) {
    const blanked = blankOut(sentence, terms[0]!);
    if (!blanked) continue;
    out.push(
      candidate('cloze', 'remember', reading.chunk, sentence, {
        prompt: `Fill in the blank: ${blanked.prompt}`,
        expectedAnswer: blanked.answer,
        keyTerms: [blanked.answer],
      }),
    );
  }
  return out;
}

/** Words an open answer should use: the chunk's terms in the text, else its rarest words. */
function answerTerms(text: string, reading: ChunkReading, exclude: string): string[] {
  const excluded = new Set(contentStems(exclude));
  const named = termsIn(text, reading.terms).filter(
    (term) => !contentStems(term).every((stem) => excluded.has(stem)),
  );
  if (named.length > 0) return named.slice(0, 5);
  return unique(
    words(text).filter(
      (word) => word.length > 4 && contentStems(word).some((stem) => !excluded.has(stem)),
    ),
  ).slice(0, 4);
}

function openQuestions(reading: ChunkReading): Candidate[] {
  const out: Candidate[] = [];
  const defined = new Set<string>();
  for (const definition of reading.definitions) {
    // A term's first definition is its main one; later ones add a detail.
    if (defined.has(normaliseAnswer(definition.term))) continue;
    defined.add(normaliseAnswer(definition.term));
    out.push(
      candidate('open', 'understand', reading.chunk, definition.sentence, {
        prompt: `In your own words, what is meant by "${definition.term}"?`,
        expectedAnswer: definition.sentence,
        keyTerms: answerTerms(definition.body, reading, definition.term),
      }),
    );
  }
  for (const { sentence, terms } of reading.keySentences) {
    if (terms.length < 2) break;
    const [first, second] = terms;
    out.push(
      candidate('open', 'analyze', reading.chunk, sentence, {
        prompt: `How are ${first} and ${second} related?`,
        expectedAnswer: sentence,
        keyTerms: terms,
      }),
    );
  }
  const heading = reading.chunk.headingPath.at(-1);
  if (heading && reading.keySentences.length > 0) {
    const summary = reading.keySentences
      .slice(0, 2)
      .map((entry) => entry.sentence)
      .join(' ');
    out.push(
      candidate('open', 'understand', reading.chunk, heading, {
        prompt: `Summarise what the section "${heading}" says about ${reading.terms[0]}.`,
        expectedAnswer: summary,
        keyTerms: answerTerms(summary, reading, ''),
      }),
    );
  }
  return out;
}

interface ChoiceStem {
  chunk: SourceChunk;
  basis: string;
  prompt: string;
  answer: string;
  bloomLevel: BloomLevel;
  /** Words the prompt itself uses: a distractor among them would read as a hint. */
  context: string;
}

function choiceStems(reading: ChunkReading): ChoiceStem[] {
  const stems: ChoiceStem[] = reading.definitions.flatMap((definition) => {
    const blanked = blankOut(definition.body, definition.term);
    const body = blanked ? blanked.prompt : definition.body;
    return [
      {
        chunk: reading.chunk,
        basis: definition.sentence,
        prompt: `Which term is described here: "${body}"?`,
        answer: definition.term,
        bloomLevel: 'understand' as const,
        context: body,
      },
    ];
  });
  for (const { sentence, terms } of reading.keySentences) {
    const blanked = blankOut(sentence, terms[0]!);
    if (!blanked) continue;
    stems.push({
      chunk: reading.chunk,
      basis: sentence,
      prompt: `Which term completes the sentence: "${blanked.prompt}"?`,
      answer: blanked.answer,
      bloomLevel: 'remember',
      context: blanked.prompt,
    });
  }
  return stems;
}

/** A fixed order that does not put the right answer in the same place every time. */
function shuffleChoices(choices: string[], seed: string): string[] {
  const rank = (choice: string) =>
    createHash('sha256').update(seed).update('\u0000').update(choice).digest('hex');
  return [...choices].sort((a, b) => rank(a).localeCompare(rank(b)));
}

/**
 * Wrong options are the other concepts' terms nearest the right answer in meaning, so the
 * choice tests understanding rather than spotting the only word from the subject.
 */
async function choiceQuestions(
  stems: ChoiceStem[],
  distractorTerms: string[],
  embedder: Embedder,
): Promise<Candidate[]> {
  if (stems.length === 0 || distractorTerms.length === 0) return [];
  const candidates = unique(distractorTerms);
  const answers = unique(stems.map((stem) => stem.answer));
  const vectors = await embedder.embed([...answers, ...candidates]);
  const vectorOf = new Map<string, Float32Array>();
  [...answers, ...candidates].forEach((text, i) => {
    vectorOf.set(normaliseAnswer(text), vectors[i]!);
  });

  const out: Candidate[] = [];
  for (const stem of stems) {
    const answerKey = normaliseAnswer(stem.answer);
    const answerVector = vectorOf.get(answerKey)!;
    const ranked = candidates
      .filter((term) => {
        const key = normaliseAnswer(term);
        return (
          key !== answerKey &&
          !key.includes(answerKey) &&
          !answerKey.includes(key) &&
          findTerm(stem.context, term) === null
        );
      })
      .map((term) => ({
        term,
        similarity: cosineSimilarity(answerVector, vectorOf.get(normaliseAnswer(term))!),
      }))
      .filter((entry) => entry.similarity < synonymSimilarity)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, distractorsPerQuestion)
      .map((entry) => entry.term);
    if (ranked.length < 2) continue;
    out.push(
      candidate('choice', stem.bloomLevel, stem.chunk, stem.basis, {
        prompt: stem.prompt,
        expectedAnswer: stem.answer,
        choices: shuffleChoices([stem.answer, ...ranked], stem.prompt),
        keyTerms: [stem.answer],
      }),
    );
  }
  return out;
}

/**
 * Questions drawn from the material's own sentences: cloze from key sentences and terms,
 * multiple choice with distractors from other concepts, open questions from definitions
 * and headings. Picks kinds in turn until `count`, skipping prompts the concept has.
 */
export async function writeExtractiveQuestions({
  request,
  embedder,
}: {
  request: QuestionRequest;
  embedder: Embedder;
}): Promise<GeneratedQuestion[]> {
  const readings = request.chunks.map((chunk) => readChunk(chunk, request.concept));
  const byKind: Record<QuestionKind, Candidate[]> = {
    cloze: request.kinds.includes('cloze') ? readings.flatMap(clozeQuestions) : [],
    open: request.kinds.includes('open') ? readings.flatMap(openQuestions) : [],
    choice: request.kinds.includes('choice')
      ? await choiceQuestions(readings.flatMap(choiceStems), request.distractorTerms, embedder)
      : [],
  };

  const usedPrompts = new Set(request.avoidPrompts.map(normaliseAnswer));
  const usedBases = new Set<string>();
  const picked: GeneratedQuestion[] = [];
  const take = (candidate: Candidate) => {
    usedPrompts.add(normaliseAnswer(candidate.question.prompt));
    usedBases.add(candidate.basis);
    picked.push(candidate.question);
  };
  // First one question per sentence, kinds in turn; then, if more are wanted, the rest.
  for (const reuseSentences of [false, true]) {
    const next: Record<QuestionKind, number> = { cloze: 0, open: 0, choice: 0 };
    let progressed = true;
    while (picked.length < request.count && progressed) {
      progressed = false;
      for (const kind of request.kinds) {
        if (picked.length >= request.count) break;
        const pool = byKind[kind];
        while (next[kind] < pool.length) {
          const candidate = pool[next[kind]]!;
          next[kind] += 1;
          if (usedPrompts.has(normaliseAnswer(candidate.question.prompt))) continue;
          if (!reuseSentences && usedBases.has(candidate.basis)) continue;
          take(candidate);
          progressed = true;
          break;
        }
      }
    }
  }
  return picked;
}
