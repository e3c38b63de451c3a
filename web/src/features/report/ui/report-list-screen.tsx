import Link from 'next/link';
import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { TicketsContextNav } from '@/features/query/ui/tickets-context-nav';
import { listReports } from '@/features/report/list-reports';
import '@/features/query/ui/query.css';
import '@/features/report/ui/report.css';

export async function ReportListScreen() {
  const viewer = await requirePermission('REPORT_VIEW', '/report');
  const actor = viewer;
  const reports = await listReports({ db: getDb(), actor });
  const canCreate = viewer.permissions.has('REPORT_CREATE');
  return (
    <>
      <TicketsContextNav current="report" canViewReports />
      <h1>Available Reports</h1>
      <p className="muted">
        Reports are saved SQL queries over the tickets. You can also build a{' '}
        <Link href="/query">custom query</Link>.
      </p>
      {canCreate && (
        <div className="report-actions">
          <Link href="/report/new">Create new report</Link>
        </div>
      )}
      <table className="listing reports">
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Title</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.id}>
              <td className="report">
                <Link href={`/report/${report.id}`}>{`{${report.id}}`}</Link>
              </td>
              <td className="title">
                <Link href={`/report/${report.id}`}>{report.title}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {reports.length === 0 && <p className="notice">No reports yet.</p>}
    </>
  );
}
