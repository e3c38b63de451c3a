/**
 * Retrieval quality over real course material: the Python tutorial that Debian's
 * python3.11-doc package ships, with hand-written questions each naming the section that
 * answers it. Prints recall@5 and MRR for vector-only, full-text-only and hybrid search.
 *
 *   pnpm --filter @learntrac/learn-api bench:retrieval
 *
 * Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL): a PostgreSQL server where it may create
 * and drop a database of its own. TUTORIAL_DIR overrides where the tutorial is read from.
 */
import { readFile } from 'node:fs/promises';
import { createPostgresVectorStore } from '../../src/adapters/vector-store/postgres-vector-store.js';
import {
  fuseMaterialRankings,
  rankByMeaning,
  rankByWords,
} from '../../src/services/search/search-material.js';
import { openBenchStack } from '../bench-support.js';

interface Question {
  question: string;
  document: string;
  section: string;
}

const cutoff = 5;
const modes = ['vector only', 'full text only', 'hybrid'] as const;

function normalise(title: string): string {
  return title
    .toLowerCase()
    .replace(/^[\d.]+\s*/, '')
    .replace(/[“”"]/g, '')
    .trim();
}

async function main() {
  const questions = JSON.parse(
    await readFile(new URL('./questions.json', import.meta.url), 'utf8'),
  ) as Question[];
  const stack = await openBenchStack({
    prefix: 'bench_retrieval',
    vectorStore: (databaseUrl) => createPostgresVectorStore({ databaseUrl }),
  });
  try {
    const started = performance.now();
    const sourceOf = await stack.ingestTutorial();
    const chunks = await stack.db.chunk.findMany({
      select: { id: true, documentId: true, headingPath: true },
    });
    console.log(
      `corpus: ${sourceOf.size} pages of the Python tutorial, ${chunks.length} chunks, ingested in ${((performance.now() - started) / 1000).toFixed(1)} s with ${stack.embedder.id}`,
    );

    const chunkById = new Map(chunks.map((c) => [c.id, c]));
    const answers = (q: Question, chunkId: string) => {
      const chunk = chunkById.get(chunkId);
      if (!chunk || sourceOf.get(chunk.documentId) !== q.document) return false;
      const wanted = normalise(q.section);
      return chunk.headingPath.some((heading) => normalise(heading).includes(wanted));
    };

    const totals = Object.fromEntries(modes.map((m) => [m, { recall: 0, rr: 0 }]));
    const missed: string[] = [];
    for (const q of questions) {
      const [byMeaning, byWords] = await Promise.all([
        rankByMeaning(stack, { query: q.question, limit: 40 }),
        rankByWords(stack.db, { query: q.question, limit: 40, seesAll: true }),
      ]);
      const rankings: Record<(typeof modes)[number], string[]> = {
        'vector only': byMeaning ?? [],
        'full text only': byWords,
        hybrid: fuseMaterialRankings({ byMeaning, byWords }).map((hit) => hit.id),
      };
      for (const mode of modes) {
        const position = rankings[mode].findIndex((id) => answers(q, id));
        if (position >= 0 && position < cutoff) totals[mode]!.recall += 1;
        if (position >= 0) totals[mode]!.rr += 1 / (position + 1);
        if (mode === 'hybrid' && (position < 0 || position >= cutoff)) missed.push(q.question);
      }
    }
    console.log(`\n${questions.length} questions, recall@${cutoff} and MRR:\n`);
    console.log('| search | recall@5 | MRR |');
    console.log('|---|---|---|');
    for (const mode of modes) {
      const t = totals[mode]!;
      console.log(
        `| ${mode} | ${(t.recall / questions.length).toFixed(3)} | ${(t.rr / questions.length).toFixed(3)} |`,
      );
    }
    if (missed.length > 0) {
      console.log(`\nhybrid missed (not in the top ${cutoff}):`);
      for (const q of missed) console.log(`  - ${q}`);
    }
  } finally {
    await stack.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
