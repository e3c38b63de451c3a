import { features } from '@/composition/registry';
import {
  ReportScreen,
  type ReportScreenProps,
  reportPageMetadata,
} from '@/features/report/ui/report-screen';

export function generateMetadata(props: ReportScreenProps) {
  return reportPageMetadata(props);
}

export default function ReportPage(props: ReportScreenProps) {
  return <ReportScreen {...props} features={features} />;
}
