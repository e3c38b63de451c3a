import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_AUTHOR } from '../services/paths/record-concept-progress.js';
import { findTestEmbeddingModel } from '../test-support/embedding-model.js';
import { type IngestStack, startIngestStack, type TestUser } from '../test-support/ingest-stack.js';
import { databaseServerUrl } from '../test-support/test-database.js';
import { addOutlineItem, writePdf } from '../test-support/write-pdf.js';

const modelDir = await findTestEmbeddingModel();

const sections = [
  {
    title: 'The base case',
    text: 'Every recursive function needs a base case: an input small enough to answer directly, without calling the function again. For the factorial, the base case is zero, whose factorial is one. A function without a base case keeps calling itself until the program runs out of memory, so the base case is the first thing to write and the first thing to check.',
  },
  {
    title: 'The recursive case',
    text: 'The recursive case reduces a problem to a smaller problem of the same shape. The factorial of n is n multiplied by the factorial of n minus one. Each recursive call must move closer to the base case; a recursive case that does not shrink its input never reaches the base case and never returns.',
  },
  {
    title: 'The call stack',
    text: 'Each call of a function gets a stack frame on the call stack holding its arguments and local variables. A recursive call pushes a new frame on top of the frame that made it, and returning pops that frame again. Very deep recursion fills the call stack and ends in a stack overflow error.',
  },
  {
    title: 'Tail recursion',
    text: 'A call is a tail call when it is the last thing a function does, so nothing is left to compute after it returns. Tail recursion passes the partial result along in an accumulator argument. Some compilers reuse the current stack frame for a tail call, which lets tail recursion run in constant stack space like a loop.',
  },
  {
    title: 'Memoisation',
    text: 'Memoisation stores the result of each call in a table keyed by its arguments, so a repeated call returns the stored result instead of computing it again. The naive recursive Fibonacci function solves the same subproblems many times; with memoisation each subproblem is solved once and the running time falls from exponential to linear.',
  },
];

/** A short chapter, one section per page, with an outline entry for each section. */
function writeRecursionChapter(): Promise<Uint8Array> {
  return writePdf({ info: { Title: 'Thinking in recursion' } }, (doc) => {
    sections.forEach((section, page) => {
      if (page > 0) doc.addPage();
      doc.fontSize(18).text(section.title, 72, 90);
      doc.fontSize(11).text(section.text, 72, 130, { width: 460 });
      addOutlineItem(doc.outline, section.title, { pageNumber: page, fit: true });
    });
  });
}

interface Concept {
  ticketId: number;
  concept: string;
  sequence: number;
  prerequisites: number[];
  source: { documentId: string; headingPath: string[] } | null;
  status: string;
  score: number;
  attempts: number;
  locked: boolean;
}
interface PathDetail {
  id: string;
  kind: string;
  status: string;
  ownerId: string;
  milestone: string | null;
  concepts: Concept[];
}
interface Question {
  id: string;
  kind: 'open' | 'choice' | 'cloze';
  prompt: string;
  choices?: string[];
  sourceChunkIds: string[];
  expectedAnswer?: string;
  reviewStatus?: string;
}
interface AnswerResult {
  score: number;
  gradedBy: string;
  progress: { status: string; score: number; attempts: number };
}
interface DueCard {
  id: string;
  ticketId: number;
  concept: string;
  due: string;
  question: Question | null;
}

describe.skipIf(!databaseServerUrl || !modelDir)(
  'from material to mastery, through the API alone',
  () => {
    let stack: IngestStack;
    const ines: TestUser = { sub: randomUUID(), username: 'ines', groups: ['instructors'] };
    const ada: TestUser = { sub: randomUUID(), username: 'ada', groups: ['learners'] };
    const bob: TestUser = { sub: randomUUID(), username: 'bob', groups: ['learners'] };

    let documentId: string;
    let shared: PathDetail;
    let adasConcept: Concept;
    let personal: PathDetail;
    let bobsConcept: Concept;

    async function call<T>(
      as: TestUser,
      method: string,
      path: string,
      status: number,
      body?: unknown,
    ): Promise<T> {
      const res = await stack.request({ as, method, path, body });
      const json = await res.json();
      expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBe(status);
      return json as T;
    }

    /** The expected answers, as only a reviewer may read them. */
    async function answerKey(ticketId: number): Promise<Map<string, string>> {
      const { questions } = await call<{ questions: Question[] }>(
        ines,
        'GET',
        `/concepts/${ticketId}/questions`,
        200,
      );
      return new Map(questions.map((question) => [question.id, question.expectedAnswer!]));
    }

    /** Answers the concept's choice and cloze questions correctly until it is mastered. */
    async function answerUntilMastered(learner: TestUser, ticketId: number) {
      const { questions } = await call<{ questions: Question[] }>(
        learner,
        'GET',
        `/concepts/${ticketId}/questions`,
        200,
      );
      expect(questions.length).toBeGreaterThan(0);
      for (const question of questions) expect(question).not.toHaveProperty('expectedAnswer');
      const exact = questions.filter((question) => question.kind !== 'open');
      expect(exact.length).toBeGreaterThan(0);
      const key = await answerKey(ticketId);
      const results: AnswerResult[] = [];
      for (let i = 0; results.at(-1)?.progress.status !== 'mastered'; i++) {
        expect(i, 'answers before mastery').toBeLessThan(6);
        const question = exact[i % exact.length]!;
        const result = await call<AnswerResult>(
          learner,
          'POST',
          `/questions/${question.id}/answers`,
          201,
          { answer: key.get(question.id) },
        );
        expect(result).toMatchObject({ score: 1, gradedBy: 'exact' });
        results.push(result);
      }
      return results;
    }

    beforeAll(async () => {
      stack = await startIngestStack({ modelDir: modelDir! });
    });
    afterAll(async () => {
      await stack?.close();
    });

    it('an instructor uploads a PDF chapter, sees it indexed by section and publishes it', async () => {
      const uploaded = await stack.upload({
        as: ines,
        name: 'recursion.pdf',
        type: 'application/pdf',
        content: await writeRecursionChapter(),
      });
      const queued = (await uploaded.json()) as { id: string; status: string };
      expect(uploaded.status, JSON.stringify(queued)).toBe(202);
      documentId = queued.id;

      const document = await stack.waitUntilSettled(documentId);
      expect(document.status).toBe('indexed');
      expect(document.title).toBe('Thinking in recursion');
      expect(document.outline.map((entry) => entry.title)).toEqual(
        sections.map((section) => section.title),
      );

      const learnerSearch = {
        query: 'what stops a recursive function from calling itself forever',
      };
      const before = await call<{ hits: unknown[] }>(ada, 'POST', '/search', 200, learnerSearch);
      expect(before.hits).toEqual([]);
      await call(ines, 'PATCH', `/documents/${documentId}`, 200, { published: true });
      const after = await call<{ hits: { documentTitle: string; headingPath: string[] }[] }>(
        ada,
        'POST',
        '/search',
        200,
        learnerSearch,
      );
      expect(after.hits[0]).toMatchObject({ documentTitle: 'Thinking in recursion' });
    });

    it('the instructor builds a shared path from it, approves generated questions and publishes it', async () => {
      const draft = await call<PathDetail>(ines, 'POST', '/paths', 201, {
        kind: 'shared',
        title: 'Recursion',
        subject: 'CS1 recursion',
        query: 'recursion: base case, recursive case, call stack, tail calls and memoisation',
        documentIds: [documentId],
      });
      expect(draft).toMatchObject({ kind: 'shared', status: 'draft', milestone: 'CS1 recursion' });
      // Every section heading became a concept, in reading order.
      const names = draft.concepts.map((concept) => concept.concept);
      expect(names.filter((name) => sections.some((section) => section.title === name))).toEqual(
        sections.map((section) => section.title),
      );
      for (const concept of draft.concepts) {
        expect(concept.source).toMatchObject({ documentId });
      }
      // A prerequisite graph was read from the material.
      expect(draft.concepts.some((concept) => concept.prerequisites.length > 0)).toBe(true);
      // Learners do not see a draft.
      await call(ada, 'GET', `/paths/${draft.id}`, 404);

      for (const concept of draft.concepts) {
        const { questions } = await call<{ questions: Question[] }>(
          ines,
          'POST',
          `/concepts/${concept.ticketId}/questions/generate`,
          201,
          {},
        );
        expect(questions.length).toBeGreaterThan(0);
        for (const question of questions) {
          expect(question.reviewStatus).toBe('pending');
          expect(question.sourceChunkIds.length).toBeGreaterThan(0);
          const approved = await call<Question>(ines, 'PATCH', `/questions/${question.id}`, 200, {
            reviewStatus: 'approved',
          });
          expect(approved.reviewStatus).toBe('approved');
        }
      }

      const published = await call<PathDetail>(ines, 'PATCH', `/paths/${draft.id}`, 200, {
        status: 'published',
      });
      expect(published.status).toBe('published');
      shared = published;
    });

    it('a learner works through a concept of the published path to mastery and sees what is next', async () => {
      const { paths } = await call<{ paths: { id: string }[] }>(ada, 'GET', '/paths', 200);
      expect(paths.map((path) => path.id)).toContain(shared.id);

      const start = await call<PathDetail>(ada, 'GET', `/paths/${shared.id}`, 200);
      for (const concept of start.concepts) {
        expect(concept).toMatchObject({
          status: 'not_started',
          attempts: 0,
          locked: concept.prerequisites.length > 0,
        });
      }
      // A concept others build on, open from the start.
      adasConcept = start.concepts.find(
        (concept) =>
          !concept.locked &&
          start.concepts.some((other) => other.prerequisites.includes(concept.ticketId)),
      )!;
      expect(adasConcept.concept).toBe('The base case');
      const unlockedByIt = start.concepts.filter(
        (concept) =>
          concept.prerequisites.length === 1 && concept.prerequisites[0] === adasConcept.ticketId,
      );
      expect(unlockedByIt.length).toBeGreaterThan(0);

      const before = await call<{ ready: Concept[] }>(ada, 'GET', `/paths/${shared.id}/next`, 200);
      expect(before.ready.map((concept) => concept.ticketId)).toContain(adasConcept.ticketId);

      const results = await answerUntilMastered(ada, adasConcept.ticketId);
      expect(results[0]!.progress.status).toBe('completed');

      const after = await call<PathDetail>(ada, 'GET', `/paths/${shared.id}`, 200);
      const mastered = after.concepts.find((c) => c.ticketId === adasConcept.ticketId)!;
      expect(mastered).toMatchObject({ status: 'mastered', attempts: results.length, score: 1 });
      for (const concept of unlockedByIt) {
        expect(after.concepts.find((c) => c.ticketId === concept.ticketId)!.locked).toBe(false);
      }

      const next = await call<{ ready: Concept[]; reviews: unknown[] }>(
        ada,
        'GET',
        `/paths/${shared.id}/next`,
        200,
      );
      const ready = next.ready.map((concept) => concept.ticketId);
      expect(ready).not.toContain(adasConcept.ticketId);
      for (const concept of unlockedByIt) expect(ready).toContain(concept.ticketId);
      // Just learned: nothing is due for review yet.
      expect(next.reviews).toEqual([]);

      // A shared path's ticket stays open: the learner's standing lives in progress alone.
      const ticket = await stack.db.ticket.findUniqueOrThrow({
        where: { id: adasConcept.ticketId },
      });
      expect(ticket.status).not.toBe('closed');
    });

    it('another learner asks for a personal path and mastering a concept closes its ticket as mastered', async () => {
      personal = await call<PathDetail>(bob, 'POST', '/paths', 201, {
        kind: 'personal',
        title: 'My recursion',
        query: 'I want to learn recursion',
      });
      expect(personal).toMatchObject({ kind: 'personal', ownerId: bob.sub, milestone: null });
      expect(personal.concepts.map((concept) => concept.concept)).toEqual(
        expect.arrayContaining(sections.map((section) => section.title)),
      );
      // Another learner cannot see it.
      await call(ada, 'GET', `/paths/${personal.id}`, 404);

      bobsConcept = personal.concepts.find((concept) => !concept.locked)!;
      const ticketBefore = await stack.db.ticket.findUniqueOrThrow({
        where: { id: bobsConcept.ticketId },
      });
      expect(ticketBefore).toMatchObject({ type: 'concept', owner: 'bob' });
      expect(ticketBefore.status).not.toBe('closed');

      // With no reviewer on a personal path, the questions are ready at once; bob, who will
      // answer them, is not shown their answers.
      const generated = await call<{ questions: Question[] }>(
        bob,
        'POST',
        `/concepts/${bobsConcept.ticketId}/questions/generate`,
        201,
        {},
      );
      expect(generated.questions.length).toBeGreaterThan(0);
      for (const question of generated.questions)
        expect(question).not.toHaveProperty('expectedAnswer');
      const stored = await stack.db.question.findMany({
        where: { id: { in: generated.questions.map((question) => question.id) } },
      });
      expect(stored.map((row) => row.reviewStatus)).toEqual(stored.map(() => 'approved'));

      const results = await answerUntilMastered(bob, bobsConcept.ticketId);
      expect(results.at(-1)!.progress.status).toBe('mastered');

      const ticket = await stack.db.ticket.findUniqueOrThrow({
        where: { id: bobsConcept.ticketId },
      });
      expect(ticket).toMatchObject({ status: 'closed', resolution: 'mastered' });
      const history = await stack.db.ticketChange.findMany({
        where: { ticketId: bobsConcept.ticketId },
      });
      expect(history).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ author: SERVICE_AUTHOR, field: 'status', newvalue: 'closed' }),
          expect.objectContaining({
            author: SERVICE_AUTHOR,
            field: 'resolution',
            newvalue: 'mastered',
          }),
        ]),
      );

      const next = await call<{ ready: Concept[] }>(bob, 'GET', `/paths/${personal.id}/next`, 200);
      expect(next.ready.map((concept) => concept.ticketId)).not.toContain(bobsConcept.ticketId);
      const own = await call<PathDetail>(bob, 'GET', `/paths/${personal.id}`, 200);
      expect(own.concepts.find((c) => c.ticketId === bobsConcept.ticketId)).toMatchObject({
        status: 'mastered',
      });
    });

    it('the learner reviews a due card and sees when it is next due', async () => {
      expect((await call<{ cards: DueCard[] }>(bob, 'GET', '/review/due', 200)).cards).toEqual([]);
      // Time passes until the card falls due: the clock is the one thing the API cannot move.
      await stack.db.reviewCard.updateMany({
        where: { cognitoUserId: bob.sub },
        data: { due: new Date(Date.now() - 60_000) },
      });

      const { cards } = await call<{ cards: DueCard[] }>(bob, 'GET', '/review/due', 200);
      const card = cards.find((due) => due.ticketId === bobsConcept.ticketId)!;
      expect(card).toMatchObject({ concept: bobsConcept.concept });
      expect(card.question).not.toBeNull();
      expect(card.question).not.toHaveProperty('expectedAnswer');
      const next = await call<{ reviews: { cardId: string }[] }>(
        bob,
        'GET',
        `/paths/${personal.id}/next`,
        200,
      );
      expect(next.reviews.map((review) => review.cardId)).toContain(card.id);

      const key = await answerKey(bobsConcept.ticketId);
      const answeredAt = Date.now();
      const reviewed = await call<{ score: number; card: { id: string; due: string } }>(
        bob,
        'POST',
        `/review/${card.id}`,
        201,
        { questionId: card.question!.id, answer: key.get(card.question!.id) },
      );
      expect(reviewed.score).toBeGreaterThanOrEqual(0.8);
      expect(reviewed.card.id).toBe(card.id);
      expect(new Date(reviewed.card.due).getTime()).toBeGreaterThan(answeredAt);

      const later = await call<{ cards: DueCard[] }>(bob, 'GET', '/review/due', 200);
      expect(later.cards.map((due) => due.id)).not.toContain(card.id);
    });

    it('the instructor sees the learner x concept matrix of the shared path; a learner may not', async () => {
      const matrix = await call<{
        concepts: { ticketId: number }[];
        learners: {
          userId: string;
          mastered: number;
          cells: { ticketId: number; status: string; attempts: number }[];
        }[];
      }>(ines, 'GET', `/paths/${shared.id}/progress`, 200);
      expect(matrix.concepts.map((concept) => concept.ticketId)).toEqual(
        shared.concepts.map((concept) => concept.ticketId),
      );
      const adasRow = matrix.learners.find((learner) => learner.userId === ada.sub)!;
      expect(adasRow.mastered).toBe(1);
      expect(adasRow.cells.map((cell) => cell.ticketId)).toEqual(
        matrix.concepts.map((concept) => concept.ticketId),
      );
      expect(adasRow.cells.find((cell) => cell.ticketId === adasConcept.ticketId)).toMatchObject({
        status: 'mastered',
        attempts: expect.any(Number),
      });
      expect(
        adasRow.cells.find((cell) => cell.ticketId === adasConcept.ticketId)!.attempts,
      ).toBeGreaterThanOrEqual(2);
      // Bob learned from his own path, not this one.
      expect(matrix.learners.map((learner) => learner.userId)).not.toContain(bob.sub);

      const refused = await call(ada, 'GET', `/paths/${shared.id}/progress`, 403);
      expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    });
  },
);
