import Link from 'next/link';
import { groupQueryHref, STATUS_GROUPS, type TicketStats } from '../status-groups';

const GROUP_TEXT = { closed: 'Closed tickets', active: 'Active tickets', new: 'New tickets' };

/** A milestone's (or one group's) progress: a bar of closed / active / new, each a query link. */
export function MilestoneProgress(props: {
  milestone: string;
  stats: TicketStats;
  label: string;
  filter?: { field: string; value: string };
  legend?: boolean;
}) {
  const { milestone, stats, filter } = props;
  const width = (count: number) => (stats.total ? (count / stats.total) * 100 : 0);
  return (
    <div>
      <div className="rm-progress">
        {/* The bar's segments are links, which a progressbar may not hold: the percentage
            beside it carries the progressbar role. */}
        <div className="rm-bar">
          {STATUS_GROUPS.filter((group) => stats.groups[group.id] > 0).map((group) => (
            <Link
              key={group.id}
              className={`rm-${group.id}`}
              style={{ width: `${width(stats.groups[group.id])}%` }}
              href={groupQueryHref({ milestone, statuses: stats.statuses[group.id], filter })}
              title={`${stats.groups[group.id]} of ${stats.total} tickets ${group.label}`}
              aria-label={`${group.label} tickets`}
            />
          ))}
        </div>
        <span
          className="rm-percent"
          role="progressbar"
          aria-label={props.label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={stats.percentClosed}
        >
          {stats.percentClosed}%
        </span>
      </div>
      {props.legend !== false && (
        <ul className="rm-legend" aria-label={`${props.label} counts`}>
          {STATUS_GROUPS.map((group) => (
            <li key={group.id} className={`rm-${group.id}`}>
              {GROUP_TEXT[group.id]}:{' '}
              {stats.groups[group.id] > 0 ? (
                <Link
                  href={groupQueryHref({
                    milestone,
                    statuses: stats.statuses[group.id],
                    filter,
                    group: group.id === 'closed' ? 'resolution' : 'status',
                  })}
                >
                  {stats.groups[group.id]}
                </Link>
              ) : (
                0
              )}
            </li>
          ))}
          <li>
            Total: <Link href={groupQueryHref({ milestone, filter })}>{stats.total}</Link>
          </li>
        </ul>
      )}
    </div>
  );
}

/** The whole milestone's progress, as the roadmap and the milestone page show it. */
export function MilestoneTicketsProgress(props: { milestone: string; stats: TicketStats }) {
  return props.stats.total > 0 ? (
    <MilestoneProgress
      milestone={props.milestone}
      stats={props.stats}
      label={`${props.milestone} progress`}
    />
  ) : (
    <p className="muted">No tickets are associated with this milestone.</p>
  );
}

/** Due / completed line, with late milestones marked as Trac marks them. */
export function MilestoneDates(props: { due: Date | null; completed: Date | null; now: Date }) {
  const { due, completed, now } = props;
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const daysBetween = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 86_400_000);
  if (completed) {
    const late = due && completed.getTime() > due.getTime();
    return (
      <p className="rm-dates">
        <span className="rm-done">Completed {day(completed)}</span>
        {late && due && <span className="rm-late"> ({daysBetween(due, completed)} days late)</span>}
      </p>
    );
  }
  if (!due) return <p className="rm-dates">No date set</p>;
  const overdue = due.getTime() < now.getTime();
  return (
    <p className="rm-dates">
      {overdue ? (
        <span className="rm-late">
          {daysBetween(due, now)} days late (due {day(due)})
        </span>
      ) : (
        <>
          Due in {daysBetween(now, due)} days ({day(due)})
        </>
      )}
    </p>
  );
}
