import { requirePermission } from '@/core/auth/current-user';
import { getReportOr404 } from '@/features/report/get-report-or-404';
import { saveReportAction } from '@/features/report/ui/report-actions';
import { ReportForm } from '@/features/report/ui/report-form';
import '@/features/report/ui/report.css';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `Edit Report {${(await params).id}}` };
}

export default async function EditReportPage({ params }: Props) {
  const { id: rawId } = await params;
  const viewer = await requirePermission('REPORT_MODIFY', `/report/${rawId}/edit`);
  const report = await getReportOr404({ rawId, viewer });
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
