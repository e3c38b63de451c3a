import type { Feature } from '@/core/feature';
import { milestoneWikiSupport } from './milestone-links';
import { milestoneSearchSource } from './milestone-search-source';
import { milestoneTimelineProvider } from './milestone-timeline-provider';
import { roadmapAdminPanels } from './ui/roadmap-admin-panels';

export const roadmapFeature: Feature = {
  id: 'roadmap',
  wiki: milestoneWikiSupport,
  searchSource: milestoneSearchSource,
  timelineProvider: milestoneTimelineProvider,
  navigation: {
    label: 'Roadmap',
    href: '/roadmap',
    order: 30,
    permission: 'ROADMAP_VIEW',
    activePaths: ['/milestone'],
  },
  adminPanels: roadmapAdminPanels,
};
