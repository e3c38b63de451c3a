import { features } from '@/composition/registry';
import { RoadmapScreen, type RoadmapScreenProps } from '@/features/roadmap/ui/roadmap-screen';

export const metadata = { title: 'Roadmap' };

export default function RoadmapPage(props: RoadmapScreenProps) {
  return <RoadmapScreen {...props} features={features} />;
}
