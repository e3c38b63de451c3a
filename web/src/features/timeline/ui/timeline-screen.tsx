import { redirect } from 'next/navigation';
import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import type { Feature, TimelineEvent } from '@/core/feature';
import { listTimeline, MAX_DAYS_BACK, MAX_EVENTS } from '@/features/timeline/list-timeline';
import { readTimelineRequest } from '@/features/timeline/read-timeline-request';
import { renderTimelineDays } from '@/features/timeline/ui/render-timeline-days';
import '@/features/timeline/ui/timeline.css';

export type TimelineScreenProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function TimelineScreen({
  searchParams,
  features,
}: TimelineScreenProps & {
  /** The features whose links, macros and sources the page shows. */
  features: readonly Feature[];
}) {
  const params = await searchParams;
  const viewer = await requirePermission('TIMELINE_VIEW', '/timeline');
  const request = readTimelineRequest({
    params,
    features,
    permissions: viewer.permissions,
    now: new Date(),
  });
  // Trac's feed address is the page's with `format=rss`; the feed itself is a route handler.
  if (params.format === 'rss') redirect(`/timeline/rss?${request.params.toString()}`);
  const { range } = request;
  const events = await listTimeline({
    db: getDb(),
    features,
    permissions: viewer.permissions,
    from: range.from,
    to: range.to,
    limit: MAX_EVENTS,
    filters: request.chosen,
    authors: request.authors,
  });
  const days = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    const day = event.time.toISOString().slice(0, 10);
    const list = days.get(day);
    if (list) list.push(event);
    else days.set(day, [event]);
  }
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const dayLabel = (day: string) =>
    day === today ? `${day}: Today` : day === yesterday ? `${day}: Yesterday` : day;

  return (
    <>
      <h1>Timeline</h1>
      <form className="tl-form" method="get" aria-label="Timeline options">
        <label>
          View changes from
          <input type="date" name="from" defaultValue={range.lastDay} />
        </label>
        <label>
          going back
          <input
            type="number"
            name="daysback"
            min={0}
            max={MAX_DAYS_BACK}
            defaultValue={range.daysBack}
          />
          days
        </label>
        <label>
          by author
          <input type="text" name="authors" size={18} defaultValue={request.authorsText} />
        </label>
        <fieldset className="tl-filters" aria-label="Show">
          {request.filters.map((filter) => (
            <label key={filter.id}>
              <input
                type="checkbox"
                name={filter.id}
                value="on"
                defaultChecked={request.chosen.includes(filter.id)}
              />
              {filter.label}
            </label>
          ))}
        </fieldset>
        <button className="primary" type="submit">
          Update
        </button>
      </form>
      {events.length === 0 && (
        <p className="notice">
          No events between {range.from.toISOString().slice(0, 10)} and {range.lastDay}.
        </p>
      )}
      <div
        className="tl-days"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: renderTimelineDays escapes every value
        dangerouslySetInnerHTML={{ __html: renderTimelineDays({ days, dayLabel }) }}
      />
      {events.length >= MAX_EVENTS && (
        <p className="notice">
          Only the newest {MAX_EVENTS} events are shown; go back fewer days to see the rest.
        </p>
      )}
      <p className="tl-feed">
        <a href={`/timeline/rss?${request.params.toString()}`} type="application/rss+xml">
          RSS feed
        </a>{' '}
        of this view
      </p>
    </>
  );
}
