import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { isAppError } from '@/core/errors/app-error';
import { getReport } from '@/features/report/get-report';
import { ReportForm } from '@/features/report/ui/report-form';
import { saveReportAction } from './report-actions';
import '@/features/report/ui/report.css';

export type NewReportScreenProps = { searchParams: Promise<{ copy?: string }> };

export async function NewReportScreen({ searchParams }: NewReportScreenProps) {
  const viewer = await requirePermission('REPORT_CREATE', '/report/new');
  const { copy } = await searchParams;
  let values = { title: '', description: '', query: '' };
  if (copy && /^\d{1,10}$/.test(copy)) {
    try {
      const source = await getReport({
        db: getDb(),
        actor: viewer,
        id: Number(copy),
      });
      values = {
        title: `${source.title} (copy)`,
        description: source.description,
        query: source.query,
      };
    } catch (error) {
      if (!isAppError(error, 'NOT_FOUND')) throw error;
    }
  }
  return (
    <>
      <h1>New Report</h1>
      <ReportForm action={saveReportAction} initial={{ values, errors: {} }} cancelHref="/report" />
    </>
  );
}
