import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisCache } from '../../adapters/cache/redis-cache.js';
import { createNeo4jVectorStore } from '../../adapters/vector-store/neo4j-vector-store.js';
import type { ErrorBody } from '../../errors/api-error.js';
import type { DocumentView } from '../../services/documents/document-view.js';
import { type SearchResult, searchMaterial } from '../../services/search/search-material.js';
import { findTestEmbeddingModel } from '../../test-support/embedding-model.js';
import { type IngestStack, startIngestStack } from '../../test-support/ingest-stack.js';
import { databaseServerUrl } from '../../test-support/test-database.js';

const modelDir = await findTestEmbeddingModel();
const neo4jUri = process.env.TEST_NEO4J_URI;

const tutorialPage = `<!doctype html><html><head><title>Control flow</title>
<script>track()</script></head><body><nav><a href="/">Home</a> | <a href="/next">Next</a></nav>
<h1>More control flow tools</h1>
<h2>Default argument values</h2>
<p>The most useful form is to specify a default value for one or more arguments. This creates
a function that can be called with fewer arguments than it is defined to allow, for example
<code>ask_ok(prompt, retries=4)</code>. The default value is evaluated only once, at the point
of the function definition, which makes a difference when the default is a mutable object
such as a list: the same list is shared between calls and keeps growing.</p>
<h2>Lambda expressions</h2>
<p>Small anonymous functions can be created with the lambda keyword. Lambda functions can be
used wherever function objects are required. They are syntactically restricted to a single
expression, for example <code>lambda a, b: a + b</code> returns the sum of its two arguments.</p>
<h2>The range function</h2>
<p>If you need to iterate over a sequence of numbers, the built-in function range() comes in
handy. It generates arithmetic progressions: range(10) yields the numbers 0 to 9.</p>
</body></html>`;

const bakingNotes = `# Baking bread

## Kneading

Knead the dough for ten minutes until it is smooth and elastic; the gluten strands develop
as you stretch and fold it. Rest it covered in a warm place until it doubles in size.

## Proofing

Shape the loaf and let it proof a second time before it goes into a hot oven with steam.
`;

describe.skipIf(!databaseServerUrl || !modelDir)(
  'course material: upload, ingestion and search',
  () => {
    let stack: IngestStack;

    beforeAll(async () => {
      stack = await startIngestStack({ modelDir: modelDir!, uploadMaxBytes: 64 * 1024 });
    });
    afterAll(async () => {
      await stack?.close();
    });

    it('indexes an uploaded HTML page, keeping its outline and dropping scripts and navigation', async () => {
      const uploaded = await stack.upload({
        as: 'instructors',
        name: 'controlflow.html',
        type: 'text/html',
        content: tutorialPage,
      });
      expect(uploaded.status).toBe(202);
      const queued = (await uploaded.json()) as DocumentView;
      expect(queued).toMatchObject({ status: 'queued', source: 'controlflow.html' });

      const document = await stack.waitUntilSettled(queued.id);
      expect(document.status).toBe('indexed');
      expect(document.title).toBe('Control flow');
      expect(document.progress.chunksDone).toBe(document.progress.chunksTotal);
      expect(document.outline[0]).toMatchObject({
        title: 'More control flow tools',
        children: expect.arrayContaining([
          expect.objectContaining({ title: 'Lambda expressions' }),
        ]),
      });
      const chunks = await stack.db.chunk.findMany({ where: { documentId: queued.id } });
      expect(chunks.map((chunk) => chunk.text).join(' ')).not.toMatch(/track\(\)|Home/);
    });

    it('finds the section that answers a question, even in other words, with its heading path', async () => {
      const res = await stack.search({
        as: 'instructors',
        body: { query: 'How do I write a tiny nameless function in one expression?', limit: 3 },
      });
      expect(res.status).toBe(200);
      const { hits, mode } = (await res.json()) as SearchResult;
      expect(mode).toBe('hybrid');
      expect(hits[0]).toMatchObject({
        documentTitle: 'Control flow',
        headingPath: ['More control flow tools', 'Lambda expressions'],
        pageStart: null,
      });
      expect(hits[0]!.text).toContain('lambda');
    });

    it('answers an upload of content it already holds with the existing document', async () => {
      const again = await stack.upload({
        as: 'instructors',
        name: 'copy.html',
        type: 'text/html',
        content: tutorialPage,
      });
      expect(again.status).toBe(200);
      const { id } = (await again.json()) as DocumentView;
      expect(await stack.db.document.count({ where: { id } })).toBe(1);
      expect(await stack.db.document.count()).toBe(1);
    });

    it('shows new material in search at once, although searches are cached', async () => {
      const query = { query: 'how long should dough be kneaded', limit: 5 };
      const before = (await (
        await stack.search({ as: 'instructors', body: query })
      ).json()) as SearchResult;
      expect(before.hits.some((hit) => hit.documentTitle === 'Baking bread')).toBe(false);

      const uploaded = (await (
        await stack.upload({
          as: 'instructors',
          name: 'bread.md',
          type: 'text/markdown',
          content: bakingNotes,
        })
      ).json()) as DocumentView;
      expect((await stack.waitUntilSettled(uploaded.id)).status).toBe('indexed');

      const after = (await (
        await stack.search({ as: 'instructors', body: query })
      ).json()) as SearchResult;
      expect(after.hits[0]).toMatchObject({
        documentTitle: 'Baking bread',
        headingPath: ['Baking bread', 'Kneading'],
      });
    });

    it('lets learners search published material only', async () => {
      const query = { query: 'lambda anonymous function', limit: 5 };
      expect(
        ((await (await stack.search({ as: 'learners', body: query })).json()) as SearchResult).hits,
      ).toEqual([]);
      const { documents } = (await (
        await stack.request({ as: 'instructors', path: '/documents' })
      ).json()) as { documents: DocumentView[] };
      const page = documents.find((d) => d.source === 'controlflow.html')!;
      const published = await stack.request({
        as: 'instructors',
        path: `/documents/${page.id}`,
        method: 'PATCH',
        body: { published: true },
      });
      expect(published.status).toBe(200);
      const { hits } = (await (
        await stack.search({ as: 'learners', body: query })
      ).json()) as SearchResult;
      expect(hits.length).toBeGreaterThan(0);
      expect(new Set(hits.map((hit) => hit.documentId))).toEqual(new Set([page.id]));
    });

    it('fails the job of a corrupt PDF with a reason a person understands, leaving nothing searchable', async () => {
      const res = await stack.upload({
        as: 'instructors',
        name: 'broken.pdf',
        type: 'application/pdf',
        content: '%PDF-1.7\n1 0 obj <<\ngarbage',
      });
      expect([202, 422]).toContain(res.status);
      const body = (await res.json()) as DocumentView & ErrorBody;
      if (res.status === 202) {
        const settled = await stack.waitUntilSettled(body.id);
        expect(settled.status).toBe('failed');
        expect(settled.error).toMatch(/PDF/);
        expect(await stack.db.chunk.count({ where: { documentId: body.id } })).toBe(0);
      } else {
        expect(body.message).toMatch(/PDF/);
      }
    });

    it('refuses an empty file and a type it cannot read with 422, and saves nothing', async () => {
      const before = await stack.db.document.count();
      const empty = await stack.upload({
        as: 'instructors',
        name: 'empty.txt',
        type: 'text/plain',
        content: '',
      });
      expect(empty.status).toBe(422);
      expect(((await empty.json()) as ErrorBody).message).toMatch(/empty/);
      const zip = await stack.upload({
        as: 'instructors',
        name: 'course.zip',
        type: 'application/zip',
        content: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]),
      });
      expect(zip.status).toBe(422);
      expect(await stack.db.document.count()).toBe(before);
    });

    it('refuses an upload over the size limit with 413 before reading the body', async () => {
      const res = await stack.rawUpload({
        as: 'instructors',
        headers: {
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(500 * 1024 * 1024),
        },
        body: new ReadableStream({ start() {} }),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    });

    it('names the missing field of an upload without a file', async () => {
      const form = new FormData();
      form.set('title', 'No file');
      const res = await stack.rawUpload({ as: 'instructors', body: form });
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).issues).toEqual([
        expect.objectContaining({ path: 'file' }),
      ]);
    });

    it('keeps uploads, deletes and reindexing to those who may ingest material', async () => {
      const res = await stack.upload({
        as: 'learners',
        name: 'mine.txt',
        type: 'text/plain',
        content: 'some notes',
      });
      expect(res.status).toBe(403);
    });

    it('answers unknown documents with 404', async () => {
      const id = '00000000-0000-4000-8000-000000000000';
      expect((await stack.request({ as: 'instructors', path: `/documents/${id}` })).status).toBe(
        404,
      );
      expect(
        (await stack.request({ as: 'instructors', path: `/documents/${id}`, method: 'DELETE' }))
          .status,
      ).toBe(404);
      expect(
        (
          await stack.request({
            as: 'instructors',
            path: `/documents/${id}/reindex`,
            method: 'POST',
          })
        ).status,
      ).toBe(404);
      expect(
        (await stack.request({ as: 'instructors', path: '/documents/not-a-uuid' })).status,
      ).toBe(400);
    });

    it('reindexes a document back to indexed, and deleting it removes its chunks and vectors', async () => {
      const { documents } = (await (
        await stack.request({ as: 'instructors', path: '/documents' })
      ).json()) as { documents: DocumentView[] };
      const bread = documents.find((d) => d.title === 'Baking bread')!;
      const chunkIds = async () =>
        (
          await stack.db.chunk.findMany({
            where: { documentId: bread.id },
            orderBy: { ordinal: 'asc' },
          })
        ).map((chunk) => chunk.id);
      const before = await chunkIds();
      const reindexed = await stack.request({
        as: 'instructors',
        path: `/documents/${bread.id}/reindex`,
        method: 'POST',
      });
      expect(reindexed.status).toBe(202);
      expect((await stack.waitUntilSettled(bread.id)).status).toBe('indexed');
      // Unchanged text keeps its chunk ids, so concepts and questions built on them stay linked.
      expect(before.length).toBeGreaterThan(0);
      expect(await chunkIds()).toEqual(before);

      const deleted = await stack.request({
        as: 'instructors',
        path: `/documents/${bread.id}`,
        method: 'DELETE',
      });
      expect(deleted.status).toBe(204);
      expect(await stack.db.chunk.count({ where: { documentId: bread.id } })).toBe(0);
      const { hits } = (await (
        await stack.search({
          as: 'instructors',
          body: { query: 'kneading dough gluten', limit: 10 },
        })
      ).json()) as SearchResult;
      expect(hits.every((hit) => hit.documentId !== bread.id)).toBe(true);
      const vectorHits = await stack.vectorStore.search({
        vector: (await stack.embedder.embed(['kneading dough']))[0]!,
        embedder: stack.embedder.id,
        limit: 50,
      });
      expect(vectorHits.every((hit) => hit.documentId !== bread.id)).toBe(true);
    });

    it('still answers by words when the vector store and the cache are down, and logs why', async () => {
      const instructor = {
        sub: 'i',
        username: 'i',
        email: null,
        groups: ['instructors'],
        clientId: 'c',
        permissions: new Set(['LEARNING_VIEW', 'LEARNING_INGEST'] as const),
      };
      // Nothing listens on port 1.
      const deadStore = createNeo4jVectorStore({ uri: 'bolt://127.0.0.1:1', retryTimeoutMs: 0 });
      const deadCache = createRedisCache({ url: 'redis://127.0.0.1:1' });
      const before = stack.logs.lines.length;
      try {
        const result = await searchMaterial({
          deps: { ...stack.deps, vectorStore: deadStore, cache: deadCache },
          viewer: instructor,
          input: { query: 'lambda anonymous function', limit: 3 },
        });
        expect(result.mode).toBe('text-only');
        expect(result.hits[0]!.headingPath).toContain('Lambda expressions');
      } finally {
        await deadStore.close();
        await deadCache.close();
      }
      const warnings = stack.logs
        .records()
        .slice(before)
        .filter((r) => r.level === 40);
      expect(warnings.map((r) => r.msg)).toEqual(
        expect.arrayContaining([
          'cache unreachable; searching without it',
          'vector store did not answer; searching by words only',
        ]),
      );
    });

    it('names the field of a search body that is not valid', async () => {
      const res = await stack.search({ as: 'instructors', body: { query: 'x', limit: 1000 } });
      expect(res.status).toBe(400);
      const paths = ((await res.json()) as ErrorBody).issues!.map((issue) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(['query', 'limit']));
    });
  },
);

describe.skipIf(!databaseServerUrl || !modelDir || !neo4jUri)(
  'course material with the Neo4j vector store',
  () => {
    let stack: IngestStack;

    beforeAll(async () => {
      stack = await startIngestStack({ modelDir: modelDir!, store: 'neo4j', neo4jUri: neo4jUri! });
    });
    afterAll(async () => {
      await stack?.close();
    });

    it('indexes an upload into the graph and finds it by meaning and by words', async () => {
      const uploaded = (await (
        await stack.upload({
          as: 'instructors',
          name: 'controlflow.html',
          type: 'text/html',
          content: tutorialPage,
        })
      ).json()) as DocumentView;
      expect((await stack.waitUntilSettled(uploaded.id)).status).toBe('indexed');
      const res = await stack.search({
        as: 'instructors',
        body: { query: 'How do I write a tiny nameless function in one expression?', limit: 3 },
      });
      const { hits, mode } = (await res.json()) as SearchResult;
      expect(mode).toBe('hybrid');
      expect(hits[0]!.headingPath).toEqual(['More control flow tools', 'Lambda expressions']);

      const deleted = await stack.request({
        as: 'instructors',
        path: `/documents/${uploaded.id}`,
        method: 'DELETE',
      });
      expect(deleted.status).toBe(204);
      const [vector] = await stack.embedder.embed(['lambda expressions']);
      const left = await stack.vectorStore.search({
        vector: vector!,
        embedder: stack.embedder.id,
        limit: 10,
      });
      expect(left).toEqual([]);
    });
  },
);
