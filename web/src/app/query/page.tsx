import Link from 'next/link';
import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { listOpenTickets } from '@/features/query/list-open-tickets';

export const metadata = { title: 'View Tickets' };

const LIMIT = 200;

export default async function QueryPage() {
  await requirePermission('TICKET_VIEW', '/query');
  const tickets = await listOpenTickets({ db: getDb(), limit: LIMIT });
  return (
    <>
      <h1>Active tickets</h1>
      <p className="muted">
        {tickets.length === LIMIT
          ? `The first ${LIMIT} tickets that are not closed, by priority.`
          : `${tickets.length} ticket${tickets.length === 1 ? '' : 's'} not closed, by priority.`}
      </p>
      {tickets.length > 0 && (
        <div className="table-scroll">
          <table className="listing">
            <thead>
              <tr>
                <th scope="col">Ticket</th>
                <th scope="col">Summary</th>
                <th scope="col">Status</th>
                <th scope="col">Owner</th>
                <th scope="col">Type</th>
                <th scope="col">Priority</th>
                <th scope="col">Milestone</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((ticket) => (
                <tr key={ticket.id}>
                  <td>
                    <Link href={`/ticket/${ticket.id}`}>#{ticket.id}</Link>
                  </td>
                  <td>
                    <Link href={`/ticket/${ticket.id}`}>{ticket.summary}</Link>
                  </td>
                  <td>{ticket.status}</td>
                  <td>{ticket.owner}</td>
                  <td>{ticket.type}</td>
                  <td>{ticket.priority}</td>
                  <td>{ticket.milestone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
