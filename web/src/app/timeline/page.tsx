import { features } from '@/composition/registry';
import { TimelineScreen, type TimelineScreenProps } from '@/features/timeline/ui/timeline-screen';

export const metadata = { title: 'Timeline' };

export default function TimelinePage(props: TimelineScreenProps) {
  return <TimelineScreen {...props} features={features} />;
}
