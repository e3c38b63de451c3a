import { requirePermission } from '@/core/auth/current-user';
import { getReportOr404 } from '@/features/report/get-report-or-404';
import { saveReportAction } from './report-actions';
import { ReportForm } from './report-form';
import './report.css';

export type EditReportScreenProps = { params: Promise<{ id: string }> };

/** Trac's report editor for one saved report, for those holding REPORT_MODIFY. */
export async function EditReportScreen({ params }: EditReportScreenProps) {
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
