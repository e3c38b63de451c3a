import { notFound } from 'next/navigation';
import { requirePermission } from '@/core/auth/current-user';
import { getReport } from '@/features/report/get-report';
import { getReportDb, reportActorOf } from '@/features/report/report-db';
import { ReportNotFoundError } from '@/features/report/report-errors';
import { ReportForm } from '@/features/report/ui/report-form';
import { saveReportAction } from '../../actions';
import '@/features/report/ui/report.css';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `Edit Report {${(await params).id}}` };
}

export default async function EditReportPage({ params }: Props) {
  const { id: rawId } = await params;
  const viewer = await requirePermission('REPORT_MODIFY', `/report/${rawId}/edit`);
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
      <h1>{`Edit Report {${report.id}}`}</h1>
      <ReportForm
        action={saveReportAction}
        reportId={report.id}
        initial={{
          values: { title: report.title, description: report.description, query: report.query },
          errors: {},
        }}
        cancelHref={`/report/${report.id}`}
      />
    </>
  );
}
