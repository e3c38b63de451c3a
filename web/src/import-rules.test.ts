import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The floors of the app (docs/architecture.md): app -> composition -> features -> core and
// wiki-engine. This reads every import under src and holds the code to that picture.

const src = path.dirname(fileURLToPath(import.meta.url));

function listSourceFiles(folder = src): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return listSourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** The top-level module a file belongs to: `features/ticket`, `core`, `wiki-engine`, `app`... */
function moduleOf(file: string): string {
  const parts = path.relative(src, file).split(path.sep);
  if (parts[0] === 'features' && parts.length > 2) return `features/${parts[1]}`;
  if (parts.length === 1) return 'root';
  return parts[0]!;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;

function resolveImport(file: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(src, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(file), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return base;
}

interface Edge {
  file: string;
  target: string;
  from: string;
  to: string;
}

function readEdges(): Edge[] {
  return listSourceFiles().flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(IMPORT)].flatMap((match) => {
      const target = resolveImport(file, match[2]!);
      if (!target?.startsWith(src)) return [];
      return [
        {
          file: path.relative(src, file),
          target: path.relative(src, target),
          from: moduleOf(file),
          to: moduleOf(target),
        },
      ];
    });
  });
}

const edges = readEdges();
const describeEdge = (edge: Edge) => `${edge.file} imports ${edge.to}`;

/** Groups of modules that import each other, directly or round a loop (Tarjan's algorithm). */
function findCycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

describe('import rules between the floors of the app', () => {
  it('reads the imports of the whole source tree', () => {
    expect(edges.length).toBeGreaterThan(500);
  });

  it('keeps core, the wiki engine and config free of features, composition and routes', () => {
    const wrong = edges.filter(
      (edge) =>
        ['core', 'wiki-engine', 'config'].includes(edge.from) &&
        (edge.to.startsWith('features/') || edge.to === 'composition' || edge.to === 'app'),
    );
    expect(wrong.map(describeEdge)).toEqual([]);
  });

  it('keeps the server, which runs outside the app bundle, on core and config alone', () => {
    const wrong = edges.filter(
      (edge) => edge.from === 'server' && !['server', 'core', 'config'].includes(edge.to),
    );
    expect(wrong.map(describeEdge)).toEqual([]);
    const intoServer = edges.filter((edge) => edge.to === 'server' && edge.from !== 'server');
    expect(intoServer.map(describeEdge)).toEqual([]);
  });

  it('keeps the wiki engine free of everything else in the app', () => {
    const wrong = edges.filter((edge) => edge.from === 'wiki-engine' && edge.to !== 'wiki-engine');
    expect(wrong.map(describeEdge)).toEqual([]);
  });

  it('lets no feature reach up into the composition or the routes', () => {
    const wrong = edges.filter(
      (edge) =>
        edge.from.startsWith('features/') &&
        !isTest(edge.file) &&
        (edge.to === 'composition' || edge.to === 'app'),
    );
    expect(wrong.map(describeEdge)).toEqual([]);
  });

  it('has the composition as the one place a file imports every feature from', () => {
    const features = readdirSync(path.join(src, 'features')).filter((name) =>
      existsSync(path.join(src, 'features', name, 'feature.ts')),
    );
    const importers = new Map<string, Set<string>>();
    for (const edge of edges) {
      if (!edge.to.startsWith('features/') || isTest(edge.file)) continue;
      const seen = importers.get(edge.file) ?? new Set();
      seen.add(edge.to);
      importers.set(edge.file, seen);
    }
    const importingAll = [...importers]
      .filter(([, seen]) => features.every((feature) => seen.has(`features/${feature}`)))
      .map(([file]) => edges.find((edge) => edge.file === file)?.from);
    expect(importingAll).toEqual(['composition']);
  });

  it('has no import cycle among the top-level modules and features', () => {
    const graph = new Map<string, Set<string>>();
    for (const edge of edges) {
      if (isTest(edge.file) || edge.from === edge.to) continue;
      const next = graph.get(edge.from) ?? new Set();
      next.add(edge.to);
      graph.set(edge.from, next);
    }
    expect(findCycles(graph)).toEqual([]);
  });

  it('has no import cycle between the files of the wiki engine', () => {
    const graph = new Map<string, Set<string>>();
    for (const edge of edges) {
      if (edge.from !== 'wiki-engine' || edge.to !== 'wiki-engine' || isTest(edge.file)) continue;
      const next = graph.get(edge.file) ?? new Set();
      next.add(edge.target);
      graph.set(edge.file, next);
    }
    expect(graph.size).toBeGreaterThan(5);
    expect(findCycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['features/a', new Set(['features/b'])],
      ['features/b', new Set(['core', 'features/a'])],
      ['core', new Set<string>()],
    ]);
    expect(findCycles(graph)).toEqual([['features/a', 'features/b']]);
  });
});
