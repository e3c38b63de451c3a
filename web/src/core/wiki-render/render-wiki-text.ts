import type { Queryable } from '@/core/db/database';
import type { Feature, PreparedWikiSupport, Viewer, WikiReferences } from '@/core/feature';
import {
  createWikiEnvironment,
  type InterWikiEntry,
  type LinkResolver,
  type RenderContext,
  renderWiki,
  type SyntaxRule,
  type WikiDataProvider,
  type WikiFlavour,
  type WikiMacro,
} from '@/wiki-engine';

export interface RenderWikiTextOptions {
  db: Queryable;
  viewer: Viewer;
  text: string;
  /** The resource the text belongs to, e.g. `{ realm: 'wiki', id: 'WikiStart' }`. */
  context: { realm: string; id: string; base?: string };
  flavour?: WikiFlavour;
  /** One-liners only: cut long text at a word boundary. */
  shorten?: boolean;
  /** The features whose links and macros apply (the composition passes the app's registry). */
  features: readonly Feature[];
}

function supportsOf(features: readonly Feature[]) {
  return features.flatMap((feature) => (feature.wiki ? [feature.wiki] : []));
}

interface MutableReferences {
  targets: Map<string, string[]>;
  listsPages: boolean;
  listsRecentChanges: boolean;
  ticketQueries: string[];
  macroCalls: Map<string, string[]>;
}

function emptyReferences(): MutableReferences {
  return {
    targets: new Map(),
    listsPages: false,
    listsRecentChanges: false,
    ticketQueries: [],
    macroCalls: new Map(),
  };
}

/**
 * The first pass: renders with resolvers and data sources that only take notes, so the
 * features learn which tickets, pages and queries the text names before anything is loaded.
 * One note-taking environment serves every text of a call (a list's hundred summaries
 * would otherwise build a hundred); each text's notes start empty.
 */
function createReferenceCollector(
  flavour: WikiFlavour | undefined,
  shorten: boolean | undefined,
  features: readonly Feature[],
): (item: RenderItem) => MutableReferences {
  let references = emptyReferences();
  const resolvers: Record<string, LinkResolver> = {};
  const syntax: SyntaxRule[] = [];
  const macros: WikiMacro[] = [];
  for (const support of supportsOf(features)) {
    for (const name of support.macroNames ?? []) {
      macros.push({
        name,
        description: '',
        expand: ({ content }) => {
          references.macroCalls.set(name, [...(references.macroCalls.get(name) ?? []), content]);
          return '';
        },
      });
    }
    for (const namespace of support.namespaces) {
      resolvers[namespace] = ({ ns, target, labelHtml }) => {
        const list = references.targets.get(ns) ?? [];
        list.push(target);
        references.targets.set(ns, list);
        return labelHtml;
      };
    }
    syntax.push(...(support.syntax ?? []));
  }
  const data: WikiDataProvider = {
    listPages: () => {
      references.listsPages = true;
      return [];
    },
    recentChanges: () => {
      references.listsRecentChanges = true;
      return [];
    },
    queryTickets: (query) => {
      references.ticketQueries.push(query);
      return [];
    },
  };
  const env = createWikiEnvironment({ resolvers, syntax, data, macros, highlight: false });
  return (item) => {
    references = emptyReferences();
    renderWiki({ text: item.text, env, context: item.context, flavour, shorten });
    return references;
  };
}

function mergeReferences(into: MutableReferences, from: MutableReferences) {
  for (const [ns, targets] of from.targets) {
    into.targets.set(ns, [...(into.targets.get(ns) ?? []), ...targets]);
  }
  into.listsPages ||= from.listsPages;
  into.listsRecentChanges ||= from.listsRecentChanges;
  into.ticketQueries.push(...from.ticketQueries);
  for (const [name, calls] of from.macroCalls) {
    into.macroCalls.set(name, [...(into.macroCalls.get(name) ?? []), ...calls]);
  }
}

/**
 * Namespaces whose targets are read against the resource the text belongs to
 * (`attachment:file` names a file of this ticket or page), so texts of different resources
 * that use them cannot share one prefetch.
 */
const CONTEXT_RELATIVE_NAMESPACES = ['attachment'];

function contextKey(context: RenderContext) {
  return `${context.realm}\u0000${context.id}\u0000${context.base}`;
}

interface RenderItem {
  text: string;
  context: RenderContext;
}

async function prepareEnvironment(
  db: Queryable,
  viewer: Viewer,
  context: RenderContext,
  references: WikiReferences,
  features: readonly Feature[],
) {
  const supports = supportsOf(features);
  const prepared: PreparedWikiSupport[] = await Promise.all(
    supports.map((support) => support.prepare({ db, viewer, context, references })),
  );
  const resolvers: Record<string, LinkResolver> = {};
  const data: WikiDataProvider = {};
  const interWiki: Record<string, InterWikiEntry> = {};
  const macros: WikiMacro[] = [];
  for (const part of prepared) {
    Object.assign(resolvers, part.resolvers);
    Object.assign(data, part.data);
    Object.assign(interWiki, part.interWiki);
    macros.push(...(part.macros ?? []));
  }
  return createWikiEnvironment({
    resolvers,
    syntax: supports.flatMap((support) => support.syntax ?? []),
    data,
    interWiki,
    macros,
  });
}

export interface RenderWikiTextsOptions {
  db: Queryable;
  viewer: Viewer;
  /** The texts, each with the resource it belongs to. */
  texts: readonly { text: string; context: RenderWikiTextOptions['context'] }[];
  flavour?: WikiFlavour;
  shorten?: boolean;
  features: readonly Feature[];
}

/**
 * Renders many texts (a list's ticket summaries, say) with one prefetch per feature for all
 * of them instead of one per text; the HTML is the same as rendering each on its own.
 */
export async function renderWikiTexts(options: RenderWikiTextsOptions): Promise<string[]> {
  const { features } = options;
  const items: RenderItem[] = options.texts.map(({ text, context }) => ({
    text,
    context: { realm: context.realm, id: context.id, base: context.base ?? '' },
  }));
  // Texts go into one shared group unless they use context-relative links, which are
  // grouped by their resource.
  const groups = new Map<string, { context: RenderContext; references: MutableReferences }>();
  const groupOf: string[] = [];
  const collectReferences = createReferenceCollector(options.flavour, options.shorten, features);
  for (const item of items) {
    const references = collectReferences(item);
    const relative = CONTEXT_RELATIVE_NAMESPACES.some((ns) => references.targets.has(ns));
    const key = relative ? contextKey(item.context) : '';
    let group = groups.get(key);
    if (!group) {
      group = { context: item.context, references: emptyReferences() };
      groups.set(key, group);
    }
    mergeReferences(group.references, references);
    groupOf.push(key);
  }
  const environments = new Map(
    await Promise.all(
      [...groups].map(
        async ([key, group]) =>
          [
            key,
            await prepareEnvironment(
              options.db,
              options.viewer,
              group.context,
              group.references,
              features,
            ),
          ] as const,
      ),
    ),
  );
  return items.map((item, index) =>
    renderWiki({
      text: item.text,
      env: environments.get(groupOf[index]!)!,
      context: item.context,
      flavour: options.flavour,
      shorten: options.shorten,
    }),
  );
}

/**
 * Renders wiki text for a viewer: the one way the app turns WikiFormatting into HTML. Links
 * and data macros come from the given features, each loading what the text refers to.
 */
export async function renderWikiText(options: RenderWikiTextOptions): Promise<string> {
  const [html] = await renderWikiTexts({
    db: options.db,
    viewer: options.viewer,
    texts: [{ text: options.text, context: options.context }],
    flavour: options.flavour,
    shorten: options.shorten,
    features: options.features,
  });
  return html!;
}
