import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { formatDate } from '@/core/format';
import { listMilestones } from '@/features/roadmap/list-milestones';

export const metadata = { title: 'Roadmap' };

type Props = { searchParams: Promise<{ show?: string }> };

export default async function RoadmapPage({ searchParams }: Props) {
  await requirePermission('ROADMAP_VIEW', '/roadmap');
  const includeCompleted = (await searchParams).show === 'all';
  const milestones = await listMilestones({ db: getDb(), includeCompleted });
  return (
    <>
      <h1>Roadmap</h1>
      <form className="inline-form" method="get">
        <input
          id="show-all"
          type="checkbox"
          name="show"
          value="all"
          defaultChecked={includeCompleted}
        />
        <label htmlFor="show-all">Show completed milestones</label>
        <button className="primary" type="submit">
          Update
        </button>
      </form>
      {milestones.length === 0 && <p className="notice">No milestones yet.</p>}
      {milestones.map((milestone) => {
        const total = milestone.openTickets + milestone.closedTickets;
        const percent = total === 0 ? 0 : Math.round((milestone.closedTickets / total) * 100);
        return (
          <section key={milestone.name} className="milestone" aria-label={milestone.name}>
            <h2>Milestone: {milestone.name}</h2>
            <p className="muted">
              {milestone.completed
                ? `Completed ${formatDate(milestone.completed)}`
                : milestone.due
                  ? `Due ${formatDate(milestone.due)}`
                  : 'No date set'}
            </p>
            <div
              className="progress"
              role="progressbar"
              aria-valuenow={percent}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-label={`${milestone.name} progress`}
            >
              <span style={{ width: `${percent}%` }} />
            </div>
            <p>
              {milestone.closedTickets} closed, {milestone.openTickets} active ({percent}% done)
            </p>
            {milestone.description && <pre>{milestone.description}</pre>}
          </section>
        );
      })}
    </>
  );
}
