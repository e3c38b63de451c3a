import Link from 'next/link';

/** Trac's context links between the ticket views: reports and the custom query. */
export function TicketsContextNav(props: {
  current?: 'query' | 'report';
  canViewReports: boolean;
}) {
  return (
    <nav className="ctxtnav" aria-label="Ticket views">
      <ul>
        {props.canViewReports && (
          <li>
            {props.current === 'report' ? (
              <span>Available Reports</span>
            ) : (
              <Link href="/report">Available Reports</Link>
            )}
          </li>
        )}
        <li>
          {props.current === 'query' ? (
            <span>Custom Query</span>
          ) : (
            <Link href="/query">Custom Query</Link>
          )}
        </li>
      </ul>
    </nav>
  );
}
