import type { Feature } from '@/core/feature';

export const timelineFeature: Feature = {
  id: 'timeline',
  navigation: { label: 'Timeline', href: '/timeline', order: 20, permission: 'TIMELINE_VIEW' },
};
