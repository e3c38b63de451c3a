import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test-support/build-app.js';
import { callerOf } from '../../test-support/call-as.js';
import { insertMaterial, recursionChapter } from '../../test-support/insert-material.js';
import { type JwksServer, startJwksServer } from '../../test-support/jwks-server.js';
import { insertPath } from '../../test-support/learning-fixtures.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';

describe.skipIf(!databaseServerUrl)(
  'an instructor’s view of a class: names, questions, attempts',
  () => {
    let jwks: JwksServer;
    let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
    let built: ReturnType<typeof buildTestApp>;
    let pathId: string;
    let ticketIds: number[];
    let choiceId: string;
    let clozeId: string;
    const people = {
      instructor: { sub: randomUUID(), username: 'ines', group: 'instructors' },
      ada: { sub: randomUUID(), username: 'ada', group: 'learners' },
      bob: { sub: randomUUID(), username: 'bob', group: 'learners' },
    };
    type Person = keyof typeof people;

    const callAs = callerOf({ jwks: () => jwks, app: () => built.app });
    async function call(who: Person, method: string, url: string, body?: unknown) {
      const res = await callAs(people[who], method, url, body);
      // biome-ignore lint/suspicious/noExplicitAny: each test reads the body its route documents
      return { status: res.status, body: (await res.json()) as any };
    }

    beforeAll(async () => {
      jwks = await startJwksServer();
      testDb = await openTestDatabase();
      built = buildTestApp({ jwks, db: testDb.db, databaseUrl: testDb.database.url });
      const { chunkIds } = await insertMaterial({
        db: testDb.db,
        title: 'Thinking recursively',
        chunks: recursionChapter,
      });
      ({ pathId, ticketIds } = await insertPath({
        db: testDb.db,
        ownerId: people.instructor.sub,
        status: 'published',
        concepts: [
          { concept: 'Functions', chunkId: chunkIds[0]! },
          { concept: 'Recursion', chunkId: chunkIds[2]! },
        ],
      }));
      const question = (ticketId: number, data: object) =>
        testDb.db.question.create({
          data: {
            ticketId,
            expectedAnswer: '',
            reviewStatus: 'approved',
            sourceChunkIds: [],
            ...data,
          } as never,
        });
      choiceId = (
        await question(ticketIds[0]!, {
          kind: 'choice',
          prompt: 'What binds an argument inside a function?',
          choices: ['a parameter', 'a stack overflow', 'a base case'],
          expectedAnswer: 'a parameter',
        })
      ).id;
      clozeId = (
        await question(ticketIds[1]!, {
          kind: 'cloze',
          prompt: 'Every recursion needs a _____.',
          expectedAnswer: 'base case',
        })
      ).id;
      await call('ada', 'POST', `/questions/${choiceId}/answers`, { answer: 'a parameter' });
      await call('bob', 'POST', `/questions/${choiceId}/answers`, { answer: 'a base case' });
      await call('bob', 'POST', `/questions/${choiceId}/answers`, { answer: 'a parameter' });
    });
    afterAll(async () => {
      await testDb?.close();
      await jwks?.close();
    });

    it('names each learner in the matrix by the user name they answered under', async () => {
      const res = await call('instructor', 'GET', `/paths/${pathId}/progress`);
      expect(res.status).toBe(200);
      const names = Object.fromEntries(
        (res.body.learners as { userId: string; username: string | null }[]).map((row) => [
          row.userId,
          row.username,
        ]),
      );
      expect(names).toEqual({ [people.ada.sub]: 'ada', [people.bob.sub]: 'bob' });
    });

    it('counts attempts, learners and the share answered right per question, in path order', async () => {
      const res = await call('instructor', 'GET', `/paths/${pathId}/question-stats`);
      expect(res.status).toBe(200);
      expect(res.body.questions).toEqual([
        expect.objectContaining({
          questionId: choiceId,
          concept: 'Functions',
          attempts: 3,
          learners: 2,
          correctShare: 2 / 3,
        }),
        expect.objectContaining({
          questionId: clozeId,
          concept: 'Recursion',
          attempts: 0,
          learners: 0,
          averageScore: null,
          correctShare: null,
        }),
      ]);
      expect(res.body.questions[0].averageScore).toBeCloseTo(2 / 3);
    });

    it('lists one learner’s answers newest first, with their grades, and nobody else’s', async () => {
      const res = await call(
        'instructor',
        'GET',
        `/paths/${pathId}/learners/${people.bob.sub}/attempts`,
      );
      expect(res.status).toBe(200);
      expect(
        (res.body.attempts as { answer: string; score: number; concept: string }[]).map((a) => [
          a.answer,
          a.score,
          a.concept,
        ]),
      ).toEqual([
        ['a parameter', 1, 'Functions'],
        ['a base case', 0, 'Functions'],
      ]);
      expect(res.body.attempts[0].feedback).not.toBe('');
    });

    it('refuses learners both views and answers 404 for an unknown path', async () => {
      expect((await call('ada', 'GET', `/paths/${pathId}/question-stats`)).status).toBe(403);
      expect(
        (await call('ada', 'GET', `/paths/${pathId}/learners/${people.bob.sub}/attempts`)).status,
      ).toBe(403);
      expect(
        (await call('instructor', 'GET', `/paths/${randomUUID()}/question-stats`)).status,
      ).toBe(404);
    });

    it('names a learner renamed since by the name of their latest answer', async () => {
      const cy = randomUUID();
      const answerAs = async (username: string) => {
        const token = await jwks.signToken({
          claims: { sub: cy, username, 'cognito:groups': ['learners'] },
        });
        const res = await built.app.request(`/api/learntrac/questions/${clozeId}/answers`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ answer: 'base case' }),
        });
        expect(res.status).toBe(201);
      };
      const nameInMatrix = async () => {
        const res = await call('instructor', 'GET', `/paths/${pathId}/progress`);
        return (res.body.learners as { userId: string; username: string }[]).find(
          (row) => row.userId === cy,
        )?.username;
      };
      await answerAs('cy');
      expect(await nameInMatrix()).toBe('cy');
      await answerAs('cyril');
      expect(await nameInMatrix()).toBe('cyril');
    });
  },
);
