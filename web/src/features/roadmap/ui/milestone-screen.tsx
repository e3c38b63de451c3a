import Link from 'next/link';
import { forbidden, notFound, redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { safeReturnPath } from '@/core/auth/safe-return-path';
import { getDb } from '@/core/db';
import type { Feature } from '@/core/feature';
import { decodePageSegments } from '@/core/routing/page-segments';
import { renderWikiText } from '@/core/wiki-render/render-wiki-text';
import { WikiContent } from '@/core/wiki-render/wiki-content';
import {
  getMilestone,
  isMilestoneGroupField,
  MILESTONE_GROUP_FIELDS,
} from '@/features/roadmap/get-milestone';
import { listRetargetMilestones } from '@/features/roadmap/list-milestones';
import { hasMilestonePermission } from '@/features/roadmap/milestone-errors';
import { milestoneHref } from '@/features/roadmap/milestone-href';
import { MilestoneDeleteForm } from '@/features/roadmap/ui/milestone-delete-form';
import { MilestoneForm } from '@/features/roadmap/ui/milestone-form';
import { LEAVE_TICKETS, type MilestoneFormState } from '@/features/roadmap/ui/milestone-form-state';
import {
  MilestoneDates,
  MilestoneProgress,
  MilestoneTicketsProgress,
} from '@/features/roadmap/ui/milestone-progress';
import '@/features/roadmap/ui/roadmap.css';

type Params = { name?: string[] };
type Search = { action?: string; by?: string };
export type MilestoneScreenProps = { params: Promise<Params>; searchParams: Promise<Search> };

/** A form with nothing filled in but the name (a new milestone, or the one being deleted). */
const blankForm = (name: string): MilestoneFormState => ({
  values: {
    name,
    due: '',
    completed: '',
    isCompleted: false,
    description: '',
    retarget: LEAVE_TICKETS,
  },
  fieldErrors: {},
});

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '');

export async function milestonePageMetadata({ params }: MilestoneScreenProps) {
  const parts = (await params).name ?? [];
  return { title: parts.length ? `Milestone ${parts.join('/')}` : 'New milestone' };
}

/** Signed-out visitors sign in for what they may not do; signed-in ones get the 403 page. */
function refuse(signedIn: boolean, returnTo: string): never {
  if (!signedIn) redirect(`/login?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  forbidden();
}

export async function MilestoneScreen({
  params,
  searchParams,
  features,
}: MilestoneScreenProps & {
  /** The features whose links, macros and sources the page shows. */
  features: readonly Feature[];
}) {
  const parts = (await params).name ?? [];
  const { action, by } = await searchParams;
  const viewer = await getViewer();
  const db = getDb();
  const signedIn = viewer.user !== null;

  if (parts.length === 0) {
    if (action !== 'new') redirect('/roadmap');
    if (!hasMilestonePermission(viewer.permissions, 'MILESTONE_CREATE')) {
      refuse(signedIn, '/milestone?action=new');
    }
    return (
      <>
        <h1>New milestone</h1>
        <MilestoneForm
          initial={blankForm('')}
          wasCompleted={false}
          retargetMilestones={[]}
          cancelHref="/roadmap"
        />
      </>
    );
  }

  const name = decodePageSegments(parts).join('/');
  const href = milestoneHref(name);
  if (!hasMilestonePermission(viewer.permissions, 'MILESTONE_VIEW')) refuse(signedIn, href);
  const groupBy = isMilestoneGroupField(by) ? by : 'component';
  const milestone = await getMilestone({ db, name, groupBy });
  if (!milestone) notFound();

  if (action === 'edit') {
    if (!hasMilestonePermission(viewer.permissions, 'MILESTONE_MODIFY')) {
      refuse(signedIn, `${href}?action=edit`);
    }
    const initial: MilestoneFormState = {
      values: {
        name: milestone.name,
        due: day(milestone.due),
        completed: day(milestone.completed),
        isCompleted: milestone.completed !== null,
        description: milestone.description ?? '',
        retarget: LEAVE_TICKETS,
      },
      fieldErrors: {},
    };
    return (
      <>
        <h1>Edit milestone {milestone.name}</h1>
        <MilestoneForm
          initial={initial}
          originalName={milestone.name}
          wasCompleted={milestone.completed !== null}
          retargetMilestones={await listRetargetMilestones({ db, except: milestone.name })}
          cancelHref={href}
        />
      </>
    );
  }

  if (action === 'delete') {
    if (!hasMilestonePermission(viewer.permissions, 'MILESTONE_DELETE')) {
      refuse(signedIn, `${href}?action=delete`);
    }
    return (
      <>
        <h1>Delete milestone {milestone.name}</h1>
        <MilestoneDeleteForm
          initial={blankForm(milestone.name)}
          name={milestone.name}
          ticketCount={milestone.stats.total}
          otherMilestones={await listRetargetMilestones({ db, except: milestone.name })}
          cancelHref={href}
        />
      </>
    );
  }

  const description = milestone.description
    ? await renderWikiText({
        features,
        db,
        viewer,
        text: milestone.description,
        context: { realm: 'milestone', id: milestone.name },
      })
    : '';
  return (
    <>
      <h1>Milestone {milestone.name}</h1>
      <section className="rm-milestone" aria-label="Progress">
        <MilestoneDates due={milestone.due} completed={milestone.completed} now={new Date()} />
        <MilestoneTicketsProgress milestone={milestone.name} stats={milestone.stats} />
      </section>
      {description && <WikiContent html={description} />}
      {milestone.stats.total > 0 && (
        <section aria-labelledby="by-field">
          <form className="rm-toolbar" method="get" aria-label="Ticket status by">
            <label htmlFor="by" id="by-field">
              Ticket status by
            </label>
            <select id="by" name="by" defaultValue={groupBy}>
              {MILESTONE_GROUP_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {field}
                </option>
              ))}
            </select>
            <button className="primary" type="submit">
              Update
            </button>
          </form>
          <table className="rm-groups">
            <tbody>
              {milestone.groups.map((group) => (
                <tr key={group.value}>
                  <th scope="row">
                    <Link
                      href={`/query?${new URLSearchParams({ [groupBy]: group.value, milestone: milestone.name }).toString()}`}
                    >
                      {group.value || '(none)'}
                    </Link>
                  </th>
                  <td>
                    <MilestoneProgress
                      milestone={milestone.name}
                      stats={group.stats}
                      label={`${group.value || 'none'} progress`}
                      filter={{ field: groupBy, value: group.value }}
                      legend={false}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <div className="rm-actions">
        {hasMilestonePermission(viewer.permissions, 'MILESTONE_MODIFY') && (
          <Link href={milestoneHref(milestone.name, { action: 'edit' })}>Edit milestone</Link>
        )}
        {hasMilestonePermission(viewer.permissions, 'MILESTONE_DELETE') && (
          <Link href={milestoneHref(milestone.name, { action: 'delete' })}>Delete milestone</Link>
        )}
        <Link href="/roadmap">Back to Roadmap</Link>
      </div>
    </>
  );
}
