import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { loadTicketDefaults } from '@/features/ticket/admin/ticket-defaults';
import { buildActionChoices } from '@/features/ticket/build-action-choices';
import { customFieldDefault, loadCustomFields } from '@/features/ticket/custom-fields';
import { getTicket } from '@/features/ticket/get-ticket';
import { newTicketDefaults } from '@/features/ticket/new-ticket-defaults';
import { buildFieldSpecs, formValuesFor } from '@/features/ticket/ticket-field-specs';
import { EDITABLE_FIELDS } from '@/features/ticket/ticket-form';
import { loadTicketOptions } from '@/features/ticket/ticket-options';
import { NewTicketForm } from '@/features/ticket/ui/new-ticket-form';
import type { NewTicketFormState } from '@/features/ticket/ui/ticket-form-state';
import '@/features/ticket/ui/ticket.css';
import { loadWorkflow } from '@/features/ticket/workflow';

export type NewTicketScreenProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// A clone copies every field the form edits except the reporter, who is the one cloning.
const CLONED_FIELDS = EDITABLE_FIELDS.filter((name) => name !== 'reporter');
// Fields the address may fill in (/newticket?type=defect&summary=...), as Trac allows.
const ADDRESS_FIELDS = EDITABLE_FIELDS.filter(
  (name) => !['reporter', 'description', 'cc', 'owner'].includes(name),
);

export async function NewTicketScreen({
  searchParams,
  createAction,
}: NewTicketScreenProps & {
  createAction: (previous: NewTicketFormState, form: FormData) => Promise<NewTicketFormState>;
}) {
  const query = await searchParams;
  const cloneOf = typeof query.clone === 'string' ? query.clone : '';
  const viewer = await requirePermission(
    'TICKET_CREATE',
    cloneOf ? `/newticket?clone=${encodeURIComponent(cloneOf)}` : '/newticket',
  );
  const actor = viewer;
  const db = getDb();
  const [ticketOptions, customFields, workflow, defaults] = await Promise.all([
    loadTicketOptions({ db }),
    loadCustomFields({ db }),
    loadWorkflow({ db }),
    loadTicketDefaults({ db }),
  ]);

  // The admin's defaults, then what the address asks for, then a cloned ticket's values.
  const values: Record<string, string> = {
    ...newTicketDefaults({ ticketOptions, defaults }),
    ...Object.fromEntries(customFields.map((field) => [field.name, customFieldDefault(field)])),
  };
  for (const name of ADDRESS_FIELDS) {
    const given = query[name];
    if (typeof given === 'string') values[name] = given;
  }
  let cloned: number | null = null;
  // Only a ticket the viewer may read can be copied.
  if (/^\d{1,9}$/.test(cloneOf) && viewer.permissions.has('TICKET_VIEW')) {
    const source = await getTicket({ db, id: Number(cloneOf) });
    if (source) {
      cloned = source.id;
      for (const name of CLONED_FIELDS) values[name] = source[name] ?? '';
      values.description = `Copied from #${source.id}:\n----\n${source.description ?? ''}`;
      for (const field of source.custom) values[field.name] = field.value ?? '';
    }
  }

  const initial: NewTicketFormState = {
    values: formValuesFor(customFields, values),
    action: 'create',
    errors: {},
  };
  return (
    <div className="ticket-page">
      <h1>Create New Ticket</h1>
      {cloned !== null && (
        <p className="notice">
          The form starts from a copy of ticket #{cloned}; change what differs and create it.
        </p>
      )}
      <NewTicketForm
        createAction={createAction}
        initial={initial}
        specs={buildFieldSpecs({ ticketOptions, customFields, actor })}
        actions={buildActionChoices({
          workflow,
          ticket: { status: null, owner: null, resolution: null },
          actor,
          resolutions: ticketOptions.resolutions,
        })}
      />
    </div>
  );
}
