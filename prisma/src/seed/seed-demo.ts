import type { DbOrTransaction } from '../client/db.js';
import { inTransaction } from '../client/transaction.js';
import { addPrerequisite } from '../prerequisites/add-prerequisite.js';
import { changeTicket } from '../tickets/change-ticket.js';
import { createTicket } from '../tickets/create-ticket.js';
import { toTracTime } from '../time.js';
import {
  DEMO_CONCEPTS,
  DEMO_INSTRUCTOR,
  DEMO_MILESTONE,
  DEMO_PEOPLE,
  DEMO_TICKETS,
  DEMO_WIKI_PAGES,
} from './demo-content.js';

const DEMO_SEEDED_KEY = 'learntrac_demo_seeded';
export const DEMO_PATH_TITLE = 'Introduction to Graph Algorithms';

export type SeedDemoResult = { seeded: boolean };

/**
 * A small course so a fresh site is not empty: a milestone, concept tickets with
 * prerequisites, a published learning path, wiki pages and a few ordinary tickets with
 * history. Written once (recorded in `system`); later calls change nothing.
 */
export async function seedDemo(options: {
  db: DbOrTransaction;
  now?: Date;
}): Promise<SeedDemoResult> {
  const now = options.now ?? new Date();
  // Spread the history over the past two weeks so the timeline reads naturally.
  const daysAgo = (days: number, minutes = 0) =>
    new Date(now.getTime() - days * 86_400_000 + minutes * 60_000);

  return inTransaction(options.db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('learntrac.seed'))`;
    if (await tx.system.findUnique({ where: { name: DEMO_SEEDED_KEY } })) return { seeded: false };

    await tx.milestone.upsert({
      where: { name: DEMO_MILESTONE },
      create: {
        name: DEMO_MILESTONE,
        due: toTracTime(daysAgo(-30)),
        completed: 0n,
        description: 'The six concepts of [wiki:GraphAlgorithms the graph algorithms course].',
      },
      update: {},
    });

    for (const [i, page] of DEMO_WIKI_PAGES.entries()) {
      await tx.wiki.upsert({
        where: { name_version: { name: page.name, version: 1 } },
        create: {
          name: page.name,
          version: 1,
          time: toTracTime(daysAgo(14, i)),
          author: DEMO_PEOPLE.instructor.username,
          text: page.text,
          comment: page.comment,
          readonly: 0,
        },
        update: {},
      });
    }

    const path = await tx.path.create({
      data: {
        cognitoUserId: DEMO_INSTRUCTOR,
        title: DEMO_PATH_TITLE,
        description:
          'Six short concepts, from storing a graph to shortest paths and spanning trees.',
        kind: 'shared',
        milestone: DEMO_MILESTONE,
        status: 'published',
        metadata: { demo: true, wikiPage: 'GraphAlgorithms' },
      },
    });

    const ids = new Map<string, number>();
    for (const [order, concept] of DEMO_CONCEPTS.entries()) {
      const ticket = await createTicket({
        db: tx,
        author: DEMO_PEOPLE.instructor.username,
        fields: {
          summary: concept.summary,
          type: 'concept',
          description: concept.description,
          milestone: DEMO_MILESTONE,
          priority: 'major',
          owner: DEMO_PEOPLE.instructor.username,
          keywords: 'graphs',
        },
        custom: { difficulty: String(concept.difficulty), mastery_threshold: '0.8' },
        now: daysAgo(13, order),
      });
      ids.set(concept.key, ticket.id);
      await tx.conceptMetadata.create({
        data: {
          ticketId: ticket.id,
          pathId: path.id,
          concept: concept.concept,
          difficulty: concept.difficulty,
          sequenceOrder: order + 1,
          masteryThreshold: 0.8,
          context: { path: DEMO_PATH_TITLE },
        },
      });
    }
    for (const concept of DEMO_CONCEPTS) {
      for (const need of concept.needs) {
        await addPrerequisite({
          db: tx,
          ticketId: ids.get(concept.key)!,
          prerequisiteId: ids.get(need)!,
        });
      }
    }

    for (const [i, demo] of DEMO_TICKETS.entries()) {
      const ticket = await createTicket({
        db: tx,
        author: demo.reporter,
        fields: {
          summary: demo.summary,
          type: demo.type,
          priority: demo.priority,
          component: demo.component,
          description: demo.description,
          owner: demo.owner,
          version: '1.0',
        },
        now: daysAgo(10 - i * 3),
      });
      for (const [step, change] of demo.history.entries()) {
        await changeTicket({
          db: tx,
          ticketId: ticket.id,
          author: change.author,
          changes: change.changes ?? {},
          comment: change.comment ?? '',
          now: daysAgo(9 - i * 3 - step),
        });
      }
    }

    await tx.system.create({ data: { name: DEMO_SEEDED_KEY, value: path.id } });
    return { seeded: true };
  });
}
