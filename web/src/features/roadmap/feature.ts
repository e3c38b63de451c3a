import type { Feature } from '@/core/feature';
import { milestoneWikiSupport } from './milestone-links';

export const roadmapFeature: Feature = {
  id: 'roadmap',
  wiki: milestoneWikiSupport,
  navigation: {
    label: 'Roadmap',
    href: '/roadmap',
    order: 30,
    permission: 'ROADMAP_VIEW',
    activePaths: ['/milestone'],
  },
};
