import { features } from '@/composition/registry';
import {
  MilestoneScreen,
  type MilestoneScreenProps,
  milestonePageMetadata,
} from '@/features/roadmap/ui/milestone-screen';

export function generateMetadata(props: MilestoneScreenProps) {
  return milestonePageMetadata(props);
}

export default function MilestonePage(props: MilestoneScreenProps) {
  return <MilestoneScreen {...props} features={features} />;
}
