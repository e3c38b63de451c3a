import { fromTracTime } from '@learntrac/db/time';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/core/db';

import type { AdminPanelProps } from '@/core/feature';
import { AddForm } from '@/core/forms/add-form';
import { AdminForm, AdminInput, AdminTextarea } from '@/core/forms/admin-form';

import { countTicketsByValue, listMilestoneRows } from '@/features/ticket/admin/list-ticket-values';
import { loadTicketDefaults } from '@/features/ticket/admin/ticket-defaults';
import { ValueListPanel } from '@/features/ticket/ui/admin/value-list-panel';
import {
  addMilestoneAction,
  submitMilestoneListAction,
  updateMilestoneAction,
} from './milestone-admin-actions';

const BASE = '/admin/ticket/milestones';

const minute = (time: bigint | null) => {
  const date = time ? fromTracTime(time) : null;
  return date && date.getTime() > 0 ? date.toISOString().slice(0, 16) : '';
};

export async function MilestonesAdminPanel({ path }: AdminPanelProps) {
  const db = getDb();
  const [milestones, counts, defaults] = await Promise.all([
    listMilestoneRows({ db }),
    countTicketsByValue({ db, field: 'milestone' }),
    loadTicketDefaults({ db }),
  ]);
  if (path.length) {
    const name = path.join('/');
    const milestone = milestones.find((m) => m.name === name);
    if (!milestone) notFound();
    return (
      <>
        <h1>
          <span className="category">Ticket System: </span>Milestones
        </h1>
        <AdminForm action={updateMilestoneAction} label="Modify Milestone">
          <fieldset>
            <legend>Modify Milestone:</legend>
            <input type="hidden" name="originalName" value={name} />
            <label className="field">
              <span>Name:</span>
              <AdminInput name="name" type="text" defaultValue={name} required />
            </label>
            <label className="field">
              <span>Due (UTC):</span>
              <AdminInput name="due" type="datetime-local" defaultValue={minute(milestone.due)} />
            </label>
            <label className="field">
              <span>Completed (UTC):</span>
              <AdminInput
                name="completed"
                type="datetime-local"
                defaultValue={minute(milestone.completed)}
              />
            </label>
            <label className="field">
              <span>Description (wiki text):</span>
              <AdminTextarea
                name="description"
                rows={6}
                defaultValue={milestone.description ?? ''}
              />
            </label>
            <p className="help">
              Renaming a milestone moves its tickets along, noted in their history.
            </p>
            <div className="buttons">
              <button type="submit">Save</button>
              <Link href={BASE}>Cancel</Link>
            </div>
          </fieldset>
        </AdminForm>
      </>
    );
  }
  return (
    <ValueListPanel
      list="milestone"
      one="Milestone"
      title="Milestones"
      base={BASE}
      columns={['Due', 'Completed']}
      rows={milestones.map((m) => ({
        name: m.name,
        cells: [minute(m.due).replace('T', ' '), minute(m.completed).replace('T', ' ')],
        tickets: counts.get(m.name) ?? 0,
      }))}
      defaultValue={defaults.milestone ?? ''}
      listAction={submitMilestoneListAction}
      help="Removing a milestone takes it off its tickets, noted in each ticket's history; renaming one (on its page) moves its tickets along."
      addForm={
        <AddForm action={addMilestoneAction} title="Add Milestone">
          <label className="field">
            <span>Name:</span>
            <AdminInput name="name" type="text" required aria-label="Name" />
          </label>
          <label className="field">
            <span>Due (UTC):</span>
            <AdminInput name="due" type="datetime-local" aria-label="Due" />
          </label>
        </AddForm>
      }
    />
  );
}
