import Link from 'next/link';
import { requirePermission } from '@/core/auth/current-user';
import { getReportOr404 } from '@/features/report/get-report-or-404';
import { deleteReportAction } from '@/features/report/ui/report-actions';
import '@/features/report/ui/report.css';

type Props = { params: Promise<{ id: string }> };

export const metadata = { title: 'Delete Report' };

export default async function DeleteReportPage({ params }: Props) {
  const { id: rawId } = await params;
  const viewer = await requirePermission('REPORT_DELETE', `/report/${rawId}/delete`);
  const report = await getReportOr404({ rawId, viewer });
  return (
    <>
      <h1>{`Delete Report {${report.id}} ${report.title}`}</h1>
      <p>Are you sure you want to delete this report? This cannot be undone.</p>
      <form action={deleteReportAction} className="report-actions">
        <input type="hidden" name="id" value={String(report.id)} />
        <button type="submit">Delete report</button>
        <Link href={`/report/${report.id}`}>Cancel</Link>
      </form>
    </>
  );
}
