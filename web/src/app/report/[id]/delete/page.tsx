import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/core/auth/current-user';
import { getReport } from '@/features/report/get-report';
import { getReportDb, reportActorOf } from '@/features/report/report-db';
import { ReportNotFoundError } from '@/features/report/report-errors';
import { deleteReportAction } from '../../actions';
import '@/features/report/ui/report.css';

type Props = { params: Promise<{ id: string }> };

export const metadata = { title: 'Delete Report' };

export default async function DeleteReportPage({ params }: Props) {
  const { id: rawId } = await params;
  const viewer = await requirePermission('REPORT_DELETE', `/report/${rawId}/delete`);
  if (!/^\d{1,10}$/.test(rawId)) notFound();
  let report: Awaited<ReturnType<typeof getReport>>;
  try {
    report = await getReport({
      db: getReportDb(),
      actor: reportActorOf(viewer),
      id: Number(rawId),
    });
  } catch (error) {
    if (error instanceof ReportNotFoundError) notFound();
    throw error;
  }
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
