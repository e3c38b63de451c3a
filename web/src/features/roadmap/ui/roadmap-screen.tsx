import Link from 'next/link';
import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import type { Feature } from '@/core/feature';
import { renderWikiText } from '@/core/wiki-render/render-wiki-text';
import { WikiContent } from '@/core/wiki-render/wiki-content';
import { listMilestones } from '@/features/roadmap/list-milestones';
import { hasMilestonePermission } from '@/features/roadmap/milestone-errors';
import { milestoneHref } from '@/features/roadmap/milestone-href';
import { MilestoneDates, MilestoneTicketsProgress } from '@/features/roadmap/ui/milestone-progress';
import '@/features/roadmap/ui/roadmap.css';

export type RoadmapScreenProps = { searchParams: Promise<{ show?: string | string[] }> };

export async function RoadmapScreen({
  searchParams,
  features,
}: RoadmapScreenProps & {
  /** The features whose links, macros and sources the page shows. */
  features: readonly Feature[];
}) {
  const viewer = await requirePermission('ROADMAP_VIEW', '/roadmap');
  const show = [(await searchParams).show ?? []].flat();
  // Trac's `show=completed` and `show=noduedate`; `all` is kept for older links.
  const includeCompleted = show.includes('completed') || show.includes('all');
  const hideNoDueDate = show.includes('noduedate');
  const db = getDb();
  const canView = hasMilestonePermission(viewer.permissions, 'MILESTONE_VIEW');
  const milestones = canView ? await listMilestones({ db, includeCompleted, hideNoDueDate }) : [];
  const descriptions = await Promise.all(
    milestones.map((milestone) =>
      milestone.description
        ? renderWikiText({
            features,
            db,
            viewer,
            text: milestone.description,
            context: { realm: 'milestone', id: milestone.name },
          })
        : '',
    ),
  );
  const now = new Date();
  return (
    <>
      <h1>Roadmap</h1>
      <form className="rm-toolbar" method="get" aria-label="Roadmap options">
        <label>
          <input type="checkbox" name="show" value="completed" defaultChecked={includeCompleted} />
          Show completed milestones
        </label>
        <label>
          <input type="checkbox" name="show" value="noduedate" defaultChecked={hideNoDueDate} />
          Hide milestones with no due date
        </label>
        <button className="primary" type="submit">
          Update
        </button>
      </form>
      {!canView && <p className="notice">You may not see milestones (MILESTONE_VIEW).</p>}
      {canView && milestones.length === 0 && <p className="notice">No milestones to show.</p>}
      {milestones.map((milestone, index) => (
        <section
          key={milestone.name}
          className="rm-milestone"
          aria-labelledby={`milestone-${index}`}
        >
          <header>
            <h2 id={`milestone-${index}`}>
              <Link href={milestoneHref(milestone.name)}>Milestone: {milestone.name}</Link>
            </h2>
            <MilestoneDates due={milestone.due} completed={milestone.completed} now={now} />
          </header>
          <MilestoneTicketsProgress milestone={milestone.name} stats={milestone.stats} />
          {descriptions[index] && (
            <div className="rm-description">
              <WikiContent html={descriptions[index]} />
            </div>
          )}
        </section>
      ))}
      {hasMilestonePermission(viewer.permissions, 'MILESTONE_CREATE') && (
        <div className="rm-actions">
          <Link href="/milestone?action=new">Add new milestone</Link>
        </div>
      )}
    </>
  );
}
