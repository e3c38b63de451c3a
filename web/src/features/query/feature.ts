import type { Feature } from '@/core/feature';

export const queryFeature: Feature = {
  id: 'query',
  navigation: {
    label: 'View Tickets',
    href: '/query',
    order: 40,
    permission: 'TICKET_VIEW',
    activePaths: ['/ticket', '/report'],
  },
};
