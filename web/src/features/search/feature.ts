import type { Feature } from '@/core/feature';

export const searchFeature: Feature = {
  id: 'search',
  navigation: { label: 'Search', href: '/search', order: 60, permission: 'SEARCH_VIEW' },
};
