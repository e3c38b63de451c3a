import { features } from '@/composition/registry';
import { QueryScreen, type QueryScreenProps } from '@/features/query/ui/query-screen';

export const metadata = { title: 'Custom Query' };

export default function QueryPage(props: QueryScreenProps) {
  return <QueryScreen {...props} features={features} />;
}
