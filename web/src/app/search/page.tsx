import { features } from '@/composition/registry';
import { SearchScreen, type SearchScreenProps } from '@/features/search/ui/search-screen';

export const metadata = { title: 'Search' };

export default function SearchPage(props: SearchScreenProps) {
  return <SearchScreen {...props} features={features} />;
}
