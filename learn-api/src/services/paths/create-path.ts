import { z } from '@hono/zod-openapi';
import { addPrerequisite } from '@learntrac/db/prerequisites';
import { createTicket } from '@learntrac/db/tickets';
import type { AuthUser } from '../../auth/user.js';
import { userCan } from '../../auth/user-can.js';
import { ApiError } from '../../errors/api-error.js';
import { seesUnpublishedMaterial } from '../documents/material-access.js';
import { type SearchDeps, searchMaterial } from '../search/search-material.js';
import { describeConcept } from './describe-concept.js';
import { viewPathFor } from './get-path.js';
import { difficultiesOf, inferPrerequisites } from './infer-prerequisites.js';
import { managesPaths, pathPermissions } from './path-access.js';
import { loadPathGraph, type PathGraphDeps } from './path-graph.js';
import type { PathView } from './path-view.js';
import { type PickedConcept, pickConcepts, type SourceChunk } from './pick-concepts.js';

export const CreatePathInputSchema = z
  .object({
    kind: z.enum(['personal', 'shared']).openapi({
      description:
        'personal: your own path; shared: a class path (instructors), a draft until published',
    }),
    title: z.string().trim().min(1).max(200).openapi({ example: 'Recursion' }),
    description: z.string().max(10_000).default(''),
    query: z.string().trim().min(2).max(1_000).optional().openapi({
      description: 'What to learn, searched in the material',
      example: 'I want to learn recursion',
    }),
    documentIds: z.array(z.uuid()).min(1).max(100).optional().openapi({
      description: 'With query: search only these documents',
    }),
    chunkIds: z.array(z.uuid()).min(1).max(200).optional().openapi({
      description: 'Build from these chunks of material instead of a search',
    }),
    subject: z.string().trim().min(1).max(200).optional().openapi({
      description: 'Shared paths: the milestone its concept tickets go under (default: the title)',
    }),
    maxConcepts: z.number().int().min(1).max(50).default(12),
    masteryThreshold: z.number().min(0.5).max(1).default(0.8).openapi({
      description: 'Average of recent scores at which a concept counts as mastered',
    }),
    targetRetention: z.number().min(0.7).max(0.99).default(0.9).openapi({
      description: 'Recall probability that spaced review aims for',
    }),
  })
  .superRefine((input, ctx) => {
    if ((input.query === undefined) === (input.chunkIds === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['query'],
        message: 'Give either query or chunkIds, not both or neither',
      });
    }
    if (input.documentIds !== undefined && input.query === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['documentIds'],
        message: 'documentIds narrow a query; chosen chunks need none',
      });
    }
    if (input.kind === 'personal' && input.subject !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['subject'],
        message: 'Only shared paths have a subject',
      });
    }
  })
  .openapi('CreatePathInput');
export type CreatePathInput = z.input<typeof CreatePathInputSchema>;

export interface CreatePathDeps extends PathGraphDeps, SearchDeps {}

/**
 * Builds a path from material: picks its concepts, creates one concept ticket per concept
 * with its source passage, the path's concept metadata and the prerequisites read from the
 * material, all in one transaction. Personal paths belong to their learner and are open at
 * once; shared paths start as drafts for their instructor to review.
 */
export async function createPath({
  deps,
  author,
  input: raw,
}: {
  deps: CreatePathDeps;
  author: AuthUser;
  input: CreatePathInput;
}): Promise<PathView> {
  const input = CreatePathInputSchema.parse(raw);
  assertMayCreate(author, input.kind);
  const chunks = input.chunkIds
    ? await loadSourceChunks(deps, author, input.chunkIds)
    : await materialFromSearch(deps, author, input);
  const concepts = await pickConcepts({
    chunks,
    maxConcepts: input.maxConcepts,
    embedder: deps.embedder,
    logger: deps.logger,
  });
  if (concepts.length === 0) {
    throw new ApiError(
      'UNPROCESSABLE',
      'The material has no section headings or key terms to make concepts from',
    );
  }
  const edges = inferPrerequisites(concepts);
  const difficulties = difficultiesOf(concepts.length, edges);
  const milestone = input.kind === 'shared' ? (input.subject ?? input.title) : null;

  const pathId = await deps.db.$transaction(
    async (tx) => {
      const path = await tx.path.create({
        data: {
          cognitoUserId: author.sub,
          kind: input.kind,
          title: input.title,
          description: input.description,
          sourceQuery: input.query ?? '',
          milestone,
          status: input.kind === 'personal' ? 'published' : 'draft',
          targetRetention: input.targetRetention,
        },
      });
      if (milestone) {
        await tx.milestone.upsert({
          where: { name: milestone },
          create: { name: milestone, due: 0n, completed: 0n, description: '' },
          update: {},
        });
      }
      const ticketIds: number[] = [];
      for (const [index, concept] of concepts.entries()) {
        const ticket = await createTicket({
          db: tx,
          author: author.username,
          fields: {
            type: 'concept',
            summary: concept.name,
            description: describeConcept(concept),
            ...(milestone ? { milestone } : { owner: author.username }),
          },
          custom: {
            difficulty: String(difficulties[index]),
            mastery_threshold: String(input.masteryThreshold),
          },
        });
        ticketIds.push(ticket.id);
        await tx.conceptMetadata.create({
          data: {
            ticketId: ticket.id,
            pathId: path.id,
            chunkId: concept.chunk.id,
            concept: concept.name,
            difficulty: difficulties[index]!,
            sequenceOrder: index + 1,
            masteryThreshold: input.masteryThreshold,
            context: contextOf(concept),
          },
        });
      }
      for (const { dependent, prerequisite } of edges) {
        await addPrerequisite({
          db: tx,
          ticketId: ticketIds[dependent]!,
          prerequisiteId: ticketIds[prerequisite]!,
        });
      }
      return path.id;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );

  const graph = await loadPathGraph(deps, pathId);
  return viewPathFor(graph!, {});
}

function assertMayCreate(author: AuthUser, kind: 'personal' | 'shared') {
  if (kind === 'shared' && !managesPaths(author)) {
    throw new ApiError(
      'FORBIDDEN',
      `This needs the ${pathPermissions.manage} permission: shared paths are made by instructors; ask for a personal path instead`,
    );
  }
  if (kind === 'personal' && !userCan(author, pathPermissions.learn)) {
    throw new ApiError(
      'FORBIDDEN',
      `A personal path needs the ${pathPermissions.learn} permission`,
    );
  }
}

/** What the path keeps about where a concept was found, for its page and questions. */
function contextOf({ chunk, aliases }: PickedConcept) {
  return {
    documentId: chunk.documentId,
    documentTitle: chunk.documentTitle,
    headingPath: chunk.headingPath,
    pageStart: chunk.pageStart,
    pageEnd: chunk.pageEnd,
    aliases,
  };
}

/**
 * The chunks most relevant to the query, ranked documents first. Concepts are picked from
 * about twice as many chunks as concepts wanted, weighed by how well each matched.
 */
async function materialFromSearch(
  deps: CreatePathDeps,
  viewer: AuthUser,
  input: { query?: string | undefined; documentIds?: string[] | undefined; maxConcepts: number },
): Promise<SourceChunk[]> {
  const query = input.query!;
  const { hits } = await searchMaterial({
    deps,
    viewer,
    input: {
      query,
      limit: Math.min(100, input.maxConcepts * 2),
      ...(input.documentIds ? { documentIds: input.documentIds } : {}),
    },
  });
  if (hits.length === 0) {
    throw new ApiError(
      'UNPROCESSABLE',
      `No material you can see matches “${query}”${input.documentIds ? ' in the chosen documents' : ''}: try other words, or ask for material about it to be added`,
    );
  }
  const best = hits[0]!.score || 1;
  const relevance = new Map(hits.map((hit) => [hit.chunkId, hit.score / best]));
  return loadSourceChunks(deps, viewer, [...relevance.keys()], relevance);
}

/**
 * The chunks in the order given (documents ranked by their first chunk), each as relevant
 * as `relevance` says (1 when unsaid); 404 naming any the viewer cannot see.
 */
async function loadSourceChunks(
  deps: CreatePathDeps,
  viewer: AuthUser,
  chunkIds: readonly string[],
  relevance?: ReadonlyMap<string, number>,
): Promise<SourceChunk[]> {
  const rows = await deps.db.chunk.findMany({
    where: {
      id: { in: [...chunkIds] },
      ...(seesUnpublishedMaterial(viewer) ? {} : { document: { published: true } }),
    },
    include: { document: { select: { title: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = chunkIds.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new ApiError('NOT_FOUND', `No chunk ${missing.join(', ')}`);
  const documentRank = new Map<string, number>();
  const unique = [...new Set(chunkIds)];
  for (const id of unique) {
    const { documentId } = byId.get(id)!;
    if (!documentRank.has(documentId)) documentRank.set(documentId, documentRank.size);
  }
  return unique.map((id) => {
    const row = byId.get(id)!;
    return {
      id: row.id,
      documentId: row.documentId,
      documentTitle: row.document.title,
      documentRank: documentRank.get(row.documentId)!,
      ordinal: row.ordinal,
      text: row.text,
      headingPath: row.headingPath,
      keyTerms: row.keyTerms,
      pageStart: row.pageStart,
      pageEnd: row.pageEnd,
      relevance: relevance?.get(id) ?? 1,
    };
  });
}
