import type { Path } from '@learntrac/db';

export const pathKinds = ['personal', 'shared'] as const;
export type PathKind = (typeof pathKinds)[number];
export const pathStatuses = ['draft', 'published', 'archived'] as const;
export type PathStatus = (typeof pathStatuses)[number];
export const progressStatuses = ['not_started', 'in_progress', 'completed', 'mastered'] as const;
export type ProgressStatus = (typeof progressStatuses)[number];

/** A path without its concepts, as lists show it. */
export interface PathSummary {
  id: string;
  kind: PathKind;
  title: string;
  description: string;
  status: PathStatus;
  ownerId: string;
  /** The milestone of a shared path's concept tickets. */
  milestone: string | null;
  sourceQuery: string;
  targetRetention: number;
  createdAt: string;
}

/** Where a concept was found in the material. */
export interface ConceptSource {
  chunkId: string;
  documentId: string;
  documentTitle: string;
  headingPath: string[];
  pageStart: number | null;
  pageEnd: number | null;
}

/** A concept ticket of a path, the same for every viewer. */
export interface ConceptNode {
  ticketId: number;
  concept: string;
  sequence: number;
  difficulty: number;
  masteryThreshold: number;
  /** Tickets this concept needs mastered first. */
  prerequisites: number[];
  source: ConceptSource | null;
}

/** One learner's standing on one concept. */
export interface ConceptStanding {
  status: ProgressStatus;
  score: number;
  attempts: number;
  lastAttemptAt: string | null;
}

export interface ConceptView extends ConceptNode, ConceptStanding {
  /** Some prerequisite is not mastered yet by the viewer. */
  locked: boolean;
}

export interface PathView extends PathSummary {
  concepts: ConceptView[];
}

export function toPathSummary(row: Path): PathSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    status: row.status,
    ownerId: row.cognitoUserId,
    milestone: row.milestone,
    sourceQuery: row.sourceQuery,
    targetRetention: row.targetRetention,
    createdAt: row.createdAt.toISOString(),
  };
}
