import Link from 'next/link';
import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import type { TimelineEvent } from '@/core/feature';
import { formatDate } from '@/core/format';
import { features } from '@/core/registry';
import { listTimeline } from '@/features/timeline/list-timeline';

export const metadata = { title: 'Timeline' };

const DAY_MS = 24 * 60 * 60 * 1000;

type Props = { searchParams: Promise<{ daysback?: string }> };

export default async function TimelinePage({ searchParams }: Props) {
  const viewer = await requirePermission('TIMELINE_VIEW', '/timeline');
  const requested = Number.parseInt((await searchParams).daysback ?? '', 10);
  // Trac shows the last 30 days by default; a year is plenty for one page.
  const daysBack = Number.isFinite(requested) ? Math.min(Math.max(requested, 1), 365) : 30;
  const to = new Date();
  const from = new Date(to.getTime() - daysBack * DAY_MS);
  const events = await listTimeline({
    db: getDb(),
    features,
    permissions: viewer.permissions,
    from,
    to,
    limit: 500,
  });

  const days = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    const day = formatDate(event.time);
    days.set(day, [...(days.get(day) ?? []), event]);
  }

  return (
    <>
      <h1>Timeline</h1>
      <form className="inline-form" method="get">
        <label htmlFor="daysback">Days back</label>
        <input
          id="daysback"
          name="daysback"
          type="number"
          min={1}
          max={365}
          defaultValue={daysBack}
        />
        <button className="primary" type="submit">
          Update
        </button>
      </form>
      {events.length === 0 ? (
        <p className="notice">Nothing happened in the last {daysBack} days.</p>
      ) : (
        [...days].map(([day, dayEvents]) => (
          <section key={day} className="timeline-day" aria-label={day}>
            <h2>{day}</h2>
            <ul>
              {dayEvents.map((event) => (
                <li key={`${event.kind}-${event.href}-${event.time.getTime()}`}>
                  <time dateTime={event.time.toISOString()}>
                    {event.time.toISOString().slice(11, 16)}
                  </time>
                  <Link href={event.href}>{event.title}</Link>
                  {event.author && <span className="muted"> by {event.author}</span>}
                  {event.description && <div className="muted">{event.description}</div>}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
