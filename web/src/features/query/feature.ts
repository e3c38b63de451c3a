import type { Feature } from '@/core/feature';
import { queryWikiSupport } from './query-links';

export const queryFeature: Feature = {
  id: 'query',
  wiki: queryWikiSupport,
  navigation: {
    label: 'View Tickets',
    href: '/query',
    order: 40,
    permission: 'TICKET_VIEW',
    activePaths: ['/ticket', '/report'],
  },
};
