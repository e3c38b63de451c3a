import { requirePermission } from '@/core/auth/current-user';

export const metadata = { title: 'New Ticket' };

export default async function NewTicketPage() {
  await requirePermission('TICKET_CREATE', '/newticket');
  return (
    <>
      <h1>Create New Ticket</h1>
      <p className="notice">
        The ticket form is not available yet. It will ask for the summary, description, type,
        priority, milestone, component and owner, and save the ticket with its custom fields and its
        first history entry together.
      </p>
    </>
  );
}
