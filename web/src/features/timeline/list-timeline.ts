import type { Permission } from '@/core/auth/roles';
import type { Database } from '@/core/db/database';
import type { Feature, TimelineEvent } from '@/core/feature';

/** Events from every timeline provider the viewer may see, newest first. */
export async function listTimeline(options: {
  db: Database;
  features: readonly Feature[];
  permissions: ReadonlySet<Permission>;
  from: Date;
  to: Date;
  limit: number;
}): Promise<TimelineEvent[]> {
  const { db, from, to, limit } = options;
  const providers = options.features
    .flatMap((feature) => (feature.timelineProvider ? [feature.timelineProvider] : []))
    .filter((provider) => options.permissions.has(provider.permission));
  const batches = await Promise.all(
    providers.map((provider) => provider.listEvents({ db, from, to, limit })),
  );
  return batches
    .flat()
    .sort((a, b) => b.time.getTime() - a.time.getTime())
    .slice(0, limit);
}
