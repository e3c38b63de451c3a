import type { Database } from '@/core/db/database';
import type { Feature, PreparedWikiSupport, Viewer, WikiReferences } from '@/core/feature';
import { features as registeredFeatures } from '@/core/registry';
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
} from '@/features/wiki/formatter';

export interface RenderWikiTextOptions {
  db: Database;
  viewer: Viewer;
  text: string;
  /** The resource the text belongs to, e.g. `{ realm: 'wiki', id: 'WikiStart' }`. */
  context: { realm: string; id: string; base?: string };
  flavour?: WikiFlavour;
  /** One-liners only: cut long text at a word boundary. */
  shorten?: boolean;
  /** The features whose links and macros apply; the app's registry unless a test says otherwise. */
  features?: readonly Feature[];
}

function supportsOf(features: readonly Feature[]) {
  return features.flatMap((feature) => (feature.wiki ? [feature.wiki] : []));
}

/**
 * The first pass: renders with resolvers and data sources that only take notes, so the
 * features learn which tickets, pages and queries the text names before anything is loaded.
 */
function collectReferences(
  options: RenderWikiTextOptions,
  context: RenderContext,
  features: readonly Feature[],
): WikiReferences {
  const targets = new Map<string, string[]>();
  const references = {
    targets,
    listsPages: false,
    listsRecentChanges: false,
    ticketQueries: [] as string[],
  };
  const resolvers: Record<string, LinkResolver> = {};
  const syntax: SyntaxRule[] = [];
  for (const support of supportsOf(features)) {
    for (const namespace of support.namespaces) {
      resolvers[namespace] = ({ ns, target, labelHtml }) => {
        const list = targets.get(ns) ?? [];
        list.push(target);
        targets.set(ns, list);
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
  const env = createWikiEnvironment({ resolvers, syntax, data, highlight: false });
  renderWiki({
    text: options.text,
    env,
    context,
    flavour: options.flavour,
    shorten: options.shorten,
  });
  return references;
}

/**
 * Renders wiki text for a viewer: the one way the app turns WikiFormatting into HTML. Links
 * and data macros come from the registered features, each loading what the text refers to.
 */
export async function renderWikiText(options: RenderWikiTextOptions): Promise<string> {
  const features = options.features ?? registeredFeatures;
  const context: RenderContext = {
    realm: options.context.realm,
    id: options.context.id,
    base: options.context.base ?? '',
  };
  const references = collectReferences(options, context, features);
  const supports = supportsOf(features);
  const prepared: PreparedWikiSupport[] = await Promise.all(
    supports.map((support) =>
      support.prepare({ db: options.db, viewer: options.viewer, context, references }),
    ),
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
  const env = createWikiEnvironment({
    resolvers,
    syntax: supports.flatMap((support) => support.syntax ?? []),
    data,
    interWiki,
    macros,
  });
  return renderWiki({
    text: options.text,
    env,
    context,
    flavour: options.flavour,
    shorten: options.shorten,
  });
}
