import { NewReportScreen, type NewReportScreenProps } from '@/features/report/ui/new-report-screen';

export const metadata = { title: 'New Report' };

export default function NewReportPage(props: NewReportScreenProps) {
  return <NewReportScreen {...props} />;
}
