import type { Feature } from '@/core/feature';
import { timelineWikiSupport } from './timeline-links';

export const timelineFeature: Feature = {
  id: 'timeline',
  wiki: timelineWikiSupport,
  navigation: { label: 'Timeline', href: '/timeline', order: 20, permission: 'TIMELINE_VIEW' },
};
