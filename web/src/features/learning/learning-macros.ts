import type { WikiSupport } from '@/core/feature';
import { element, escapeText, MacroError, type WikiMacro } from '@/wiki-engine';
import { describeStanding } from './concept-standing';
import type { GraphConcept } from './graph-concept';
import { KNOWLEDGE_GRAPH_ATTRIBUTE } from './graph-placeholder';
import { formatPercent, pathHref } from './learning-format';

/** What a macro shows of a path: its title, link and concepts with the reader's standing. */
export interface MacroPath {
  id: string;
  title: string;
  concepts: GraphConcept[];
}

/** A path the reader may see, null for one that does not exist for them. */
export type LoadMacroPath = (pathId: string) => Promise<MacroPath | null>;

const MACRO_NAMES = ['LearningPath', 'KnowledgeGraph'] as const;

/** The path id of `[[LearningPath(id)]]` or `[[KnowledgeGraph(path=id)]]`. */
export function readPathArgument(content: string): string {
  for (const part of content.split(',').map((p) => p.trim())) {
    const named = /^path=(.*)$/.exec(part);
    if (named) return named[1]!.trim();
    if (part && !part.includes('=')) return part;
  }
  return '';
}

/** The path as an ordered list of links: what every reader sees, with or without JavaScript. */
function pathListHtml(path: MacroPath): string {
  const mastered = path.concepts.filter((c) => c.status === 'mastered').length;
  const title = element(
    'p',
    { class: 'learning-macro-title' },
    `${element('a', { href: pathHref(path.id) }, escapeText(path.title))} <span class="muted">${mastered} of ${path.concepts.length} concepts mastered</span>`,
  );
  const items = [...path.concepts]
    .sort((a, b) => a.sequence - b.sequence)
    .map((concept) => {
      const standing = describeStanding(concept);
      const suffix = standing
        ? ` <span class="muted">(${escapeText(standing.label.toLowerCase())}, ${formatPercent(concept.score ?? 0)})</span>`
        : '';
      return element(
        'li',
        {},
        `${element('a', { href: concept.href }, escapeText(concept.concept))}${suffix}`,
      );
    })
    .join('');
  return `${title}${element('ol', {}, items)}`;
}

function macro(
  name: (typeof MACRO_NAMES)[number],
  description: string,
  paths: ReadonlyMap<string, MacroPath | null>,
  render: (path: MacroPath) => string,
): WikiMacro {
  return {
    name,
    description,
    expand: ({ content }) => {
      const id = readPathArgument(content);
      if (!id) throw new MacroError(`${name} needs a path id, e.g. [[${name}(path=…)]].`);
      if (!paths.has(id)) throw new MacroError('Learning paths are not available here.');
      const path = paths.get(id);
      if (!path) throw new MacroError(`No learning path ${escapeText(id)}.`);
      return render(path);
    },
  };
}

/**
 * `[[LearningPath(id)]]` lists a path's concepts; `[[KnowledgeGraph(path=id)]]` shows the
 * same list in a placeholder that the knowledge graph component fills in the browser.
 */
export function createLearningWikiSupport(options: {
  /** How paths are read for the viewer; null when the viewer cannot read paths at all. */
  loaderFor: (viewer: Parameters<WikiSupport['prepare']>[0]['viewer']) => LoadMacroPath | null;
}): WikiSupport {
  return {
    namespaces: [],
    macroNames: MACRO_NAMES,
    async prepare({ viewer, references }) {
      const ids = new Set(
        MACRO_NAMES.flatMap((name) => references.macroCalls.get(name) ?? [])
          .map(readPathArgument)
          .filter(Boolean),
      );
      const paths = new Map<string, MacroPath | null>();
      const load = ids.size > 0 ? options.loaderFor(viewer) : null;
      if (load) {
        await Promise.all([...ids].map(async (id) => paths.set(id, await load(id))));
      }
      return {
        macros: [
          macro(
            'LearningPath',
            'Lists a learning path’s concepts in order, with your standing.',
            paths,
            (path) => element('div', { class: 'learning-macro' }, pathListHtml(path)),
          ),
          macro(
            'KnowledgeGraph',
            'Draws a learning path’s knowledge graph: `[[KnowledgeGraph(path=id)]]`.',
            paths,
            (path) =>
              element(
                'div',
                {
                  class: 'learning-macro',
                  [KNOWLEDGE_GRAPH_ATTRIBUTE]: JSON.stringify(path.concepts),
                  'data-label': `Knowledge graph of ${path.title}`,
                },
                pathListHtml(path),
              ),
          ),
        ],
      };
    },
  };
}
