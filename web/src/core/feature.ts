import type { ReactNode } from 'react';
import type {
  InterWikiEntry,
  LinkResolver,
  RenderContext,
  SyntaxRule,
  WikiDataProvider,
  WikiMacro,
} from '@/wiki-engine';
import type { Permission } from './auth/roles';
import type { Queryable } from './db/database';

/**
 * Who is asking or acting: their Trac user name (recorded as reporter, author, owner and read as
 * `$USER`; null for an anonymous visitor) and what they may do. Features filter what they return
 * and check what they write by it.
 */
export interface Viewer {
  name: string | null;
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

/** Marks the start and end of a matched word in a search hit's excerpt (ts_headline's StartSel/StopSel). */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';
/** `ts_headline` options that mark matches with HIGHLIGHT_START/END: an excerpt of a few fragments. */
export const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export interface SearchHit {
  href: string;
  title: string;
  /** Plain text; matched words sit between HIGHLIGHT_START and HIGHLIGHT_END. Never HTML. */
  excerpt: string;
  author: string | null;
  time: Date | null;
  /** Relevance (ts_rank); hits from all sources are merged by it. */
  rank: number;
}

export interface SearchSource {
  /** Filter key shown on the search page, e.g. "ticket". */
  id: string;
  label: string;
  permission: Permission;
  /**
   * The best `limit` hits for `query` (the text typed, for `websearch_to_tsquery`), best first.
   * `terms` are its words and quoted phrases, for sources that do not use full-text search.
   */
  search(options: {
    db: Queryable;
    query: string;
    terms: string[];
    limit: number;
  }): Promise<SearchHit[]>;
}

export interface TimelineEvent {
  time: Date;
  /** The event's kind, used for its icon, e.g. "newticket", "closedticket", "wiki". */
  kind: string;
  title: string;
  href: string;
  author: string | null;
  description: string | null;
}

/** One checkbox on the timeline page, e.g. `{ id: 'wiki', label: 'Wiki changes' }`. */
export interface TimelineFilter {
  id: string;
  label: string;
}

export interface TimelineProvider {
  id: string;
  permission: Permission;
  /** The kinds of event the viewer can switch on and off; at least one. */
  filters: readonly TimelineFilter[];
  /**
   * Events in [from, to), newest first, at most `limit`. Only those of the `filters` ids given
   * (a subset of this provider's own); by the `authors.include` people when that list is not
   * empty, and never by the `authors.exclude` ones (Trac's `authors=ada -bob`).
   */
  listEvents(options: {
    db: Queryable;
    from: Date;
    to: Date;
    limit: number;
    filters: readonly string[];
    authors: { include: readonly string[]; exclude: readonly string[] };
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
  /** What is between the parentheses of each call to a macro a feature names in `macroNames`. */
  macroCalls: ReadonlyMap<string, readonly string[]>;
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
  /** The feature's own macros, whose calls `prepare` is told of so it can load what they show. */
  macroNames?: readonly string[];
  prepare(options: {
    db: Queryable;
    viewer: Viewer;
    context: RenderContext;
    references: WikiReferences;
  }): Promise<PreparedWikiSupport>;
}

export interface AdminPanelProps {
  /** The address below the panel's own, decoded: an item's name parts, or none. */
  path: string[];
}

/** One panel of the admin pages, at `/admin/<category.id>/<id>`, as Trac's IAdminPanelProvider. */
export interface AdminPanel {
  /** The group it is listed under, e.g. `{ id: 'ticket', label: 'Ticket System' }`. */
  category: { id: string; label: string };
  id: string;
  label: string;
  /** Needed to see the panel and to post each of its forms. */
  permission: Permission;
  /** Whether items have their own pages below the panel (`/admin/ticket/components/<name>`). */
  itemPages?: boolean;
  screen(props: AdminPanelProps): ReactNode;
}

/** What one area of the app contributes to the shared pages. */
export interface Feature {
  id: string;
  navigation?: NavigationEntry;
  searchSource?: SearchSource;
  timelineProvider?: TimelineProvider;
  wiki?: WikiSupport;
  adminPanels?: readonly AdminPanel[];
}
