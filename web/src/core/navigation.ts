import type { Permission } from './auth/roles';
import type { Feature, NavigationEntry } from './feature';

/** The main navigation tabs a viewer may see, in their declared order. */
export function buildNavigation(options: {
  features: readonly Feature[];
  permissions: ReadonlySet<Permission>;
}): NavigationEntry[] {
  return options.features
    .flatMap((feature) => (feature.navigation ? [feature.navigation] : []))
    .filter((entry) => !entry.permission || options.permissions.has(entry.permission))
    .sort((a, b) => a.order - b.order);
}

/** The tab a path belongs to: the one whose href is the longest prefix of it. */
export function findActiveEntry(
  entries: readonly NavigationEntry[],
  pathname: string,
): NavigationEntry | undefined {
  const within = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  const longestMatch = (entry: NavigationEntry) =>
    Math.max(0, ...[entry.href, ...(entry.activePaths ?? [])].filter(within).map((p) => p.length));
  return entries
    .filter((entry) => longestMatch(entry) > 0)
    .sort((a, b) => longestMatch(b) - longestMatch(a))[0];
}
