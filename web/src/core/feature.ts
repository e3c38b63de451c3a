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

export interface ResolvedWikiLink {
  href: string;
  title?: string;
  /** True when the target does not exist yet (Trac shows such links differently). */
  missing?: boolean;
}

/** Resolves `namespace:target` links (e.g. `ticket:12`, `milestone:v1`) in wiki text. */
export interface WikiLinkResolver {
  namespace: string;
  resolve(options: { db: Database; target: string }): Promise<ResolvedWikiLink | null>;
}

/** What one area of the app contributes to the shared pages. */
export interface Feature {
  id: string;
  navigation?: NavigationEntry;
  searchSource?: SearchSource;
  timelineProvider?: TimelineProvider;
  wikiLinkResolvers?: WikiLinkResolver[];
}
