import {
  EditReportScreen,
  type EditReportScreenProps,
} from '@/features/report/ui/edit-report-screen';

export async function generateMetadata({ params }: EditReportScreenProps) {
  return { title: `Edit Report {${(await params).id}}` };
}

export default function EditReportPage(props: EditReportScreenProps) {
  return <EditReportScreen {...props} />;
}
