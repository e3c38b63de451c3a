import { notFound } from 'next/navigation';
import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { formatDateTime } from '@/core/format';
import { getTicket, type TicketChange } from '@/features/ticket/get-ticket';

type Props = { params: Promise<{ id: string }> };

function parseTicketId(raw: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : null;
}

export async function generateMetadata({ params }: Props) {
  return { title: `#${(await params).id}` };
}

export default async function TicketPage({ params }: Props) {
  const { id: raw } = await params;
  await requirePermission('TICKET_VIEW', `/ticket/${raw}`);
  const id = parseTicketId(raw);
  if (id === null) notFound();
  const ticket = await getTicket({ db: getDb(), id });
  if (!ticket) notFound();

  const fields: [string, string | null][] = [
    ['Reported by', ticket.reporter],
    ['Owned by', ticket.owner],
    ['Priority', ticket.priority],
    ['Milestone', ticket.milestone],
    ['Component', ticket.component],
    ['Version', ticket.version],
    ['Severity', ticket.severity],
    ['Keywords', ticket.keywords],
    ['Cc', ticket.cc],
    ...ticket.custom.map((field): [string, string | null] => [field.name, field.value]),
  ];

  // A change is every row written at one moment by one author.
  const changes = new Map<string, TicketChange[]>();
  for (const change of ticket.changes) {
    const key = `${change.time?.getTime()}|${change.author}`;
    changes.set(key, [...(changes.get(key) ?? []), change]);
  }

  return (
    <>
      <h1>
        Ticket #{ticket.id}{' '}
        <span className="muted">
          ({[ticket.status, ticket.type, ticket.resolution].filter(Boolean).join(' ')})
        </span>
      </h1>
      <section className="ticket-box" aria-labelledby="ticket-summary">
        <p className="muted">
          Opened {formatDateTime(ticket.time)} · Last modified {formatDateTime(ticket.changetime)}
        </p>
        <h2 id="ticket-summary">{ticket.summary}</h2>
        <dl className="fields">
          {fields.map(([label, value]) => (
            <div key={label} style={{ display: 'contents' }}>
              <dt>{label}:</dt>
              <dd>{value || <span className="muted">—</span>}</dd>
            </div>
          ))}
        </dl>
        <h3>Description</h3>
        {ticket.description ? (
          <pre>{ticket.description}</pre>
        ) : (
          <p className="muted">No description.</p>
        )}
      </section>
      <h2>Change history</h2>
      {changes.size === 0 ? (
        <p className="muted">No changes yet.</p>
      ) : (
        <ol className="changes">
          {[...changes].map(([key, rows]) => (
            <li key={key}>
              <p className="meta">
                Changed {formatDateTime(rows[0]?.time ?? null)} by {rows[0]?.author ?? 'anonymous'}
              </p>
              <ul>
                {rows
                  .filter((row) => row.field !== 'comment')
                  .map((row) => (
                    <li key={row.field}>
                      <strong>{row.field}</strong>{' '}
                      {row.oldvalue ? (
                        <>
                          changed from <em>{row.oldvalue}</em> to <em>{row.newvalue}</em>
                        </>
                      ) : (
                        <>
                          set to <em>{row.newvalue}</em>
                        </>
                      )}
                    </li>
                  ))}
              </ul>
              {rows
                .filter((row) => row.field === 'comment' && row.newvalue)
                .map((row) => (
                  <pre key="comment">{row.newvalue}</pre>
                ))}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
