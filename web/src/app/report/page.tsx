import { ReportListScreen } from '@/features/report/ui/report-list-screen';

export const metadata = { title: 'Available Reports' };

export default function ReportListPage() {
  return <ReportListScreen />;
}
