import type {
  InterWikiEntry,
  LinkResolver,
  RenderContext,
  SyntaxRule,
  WikiDataProvider,
  WikiMacro,
} from '@/features/wiki/formatter';
import type { Permission } from './auth/roles';
import type { Database } from './db/database';

/** Who is asking: features filter what they return by it. */
export interface Viewer {
  userId: string | null;
  permissions: ReadonlySet<Permission>;
}

export interface NavigationEntry {
  label: string;
  href: string;
  /** Position in the main navigation, ascending. */
  order: number;
  /** Shown only to viewers holding this permission; omitted means everyone. */
  permission?: Permission;
  /** Other path prefixes that belong to this tab (Trac marks View Tickets on /ticket/N). */
  activePaths?: string[];
}

export interface SearchHit {
  href: string;
  title: string;
  excerpt: string;
  author: string | null;
  time: Date | null;
}

export interface SearchSource {
  /** Filter key shown on the search page, e.g. "ticket". */
  id: string;
  label: string;
  permission: Permission;
  search(options: { db: Database; terms: string[]; limit: number }): Promise<SearchHit[]>;
}

export interface TimelineEvent {
  time: Date;
  /** The event's kind, used for its icon and filter, e.g. "newticket", "wiki". */
  kind: string;
  title: string;
  href: string;
  author: string | null;
  description: string | null;
}

export interface TimelineProvider {
  id: string;
  label: string;
  permission: Permission;
  listEvents(options: {
    db: Database;
    from: Date;
    to: Date;
    limit: number;
  }): Promise<TimelineEvent[]>;
}

/** What a text's links and macros name, found by a first pass over it (see core/wiki-render). */
export interface WikiReferences {
  /** Link targets by namespace, e.g. `ticket` -> `12`, `3#comment:1`. */
  targets: ReadonlyMap<string, readonly string[]>;
  /** Whether the text lists wiki pages (`[[TitleIndex]]`) or recent changes. */
  listsPages: boolean;
  listsRecentChanges: boolean;
  /** The queries of `[[TicketQuery(...)]]` calls, as the macro passes them on. */
  ticketQueries: readonly string[];
}

/** What a feature has loaded so that the synchronous formatter can render its links and macros. */
export interface PreparedWikiSupport {
  resolvers?: Record<string, LinkResolver>;
  data?: WikiDataProvider;
  interWiki?: Record<string, InterWikiEntry>;
  macros?: WikiMacro[];
}

/**
 * A feature's part in rendering wiki text. The formatter is synchronous, so rendering first
 * finds what a text refers to, then each feature loads its facts in a few queries (do these
 * tickets exist, are they closed), and the formatter runs with the loaded facts.
 */
export interface WikiSupport {
  /** The link namespaces this feature resolves (`ticket`, `comment`, `milestone`, ...). */
  namespaces: readonly string[];
  /** Extra inline syntax (e.g. CamelCase page names); it must link through `env.resolvers`. */
  syntax?: readonly SyntaxRule[];
  prepare(options: {
    db: Database;
    viewer: Viewer;
    context: RenderContext;
    references: WikiReferences;
  }): Promise<PreparedWikiSupport>;
}

/** What one area of the app contributes to the shared pages. */
export interface Feature {
  id: string;
  navigation?: NavigationEntry;
  searchSource?: SearchSource;
  timelineProvider?: TimelineProvider;
  wiki?: WikiSupport;
}
