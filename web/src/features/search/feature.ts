import type { Feature } from '@/core/feature';
import { searchWikiSupport } from './search-links';

export const searchFeature: Feature = {
  id: 'search',
  wiki: searchWikiSupport,
  navigation: { label: 'Search', href: '/search', order: 60, permission: 'SEARCH_VIEW' },
};
