import type { Feature } from '@/core/feature';

export const roadmapFeature: Feature = {
  id: 'roadmap',
  navigation: {
    label: 'Roadmap',
    href: '/roadmap',
    order: 30,
    permission: 'ROADMAP_VIEW',
    activePaths: ['/milestone'],
  },
};
