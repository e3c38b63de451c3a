import type { AdminPanel } from '@/core/feature';
import { MilestonesAdminPanel } from './milestones-admin-panel';

/** Milestones, listed with the ticket system's panels as in Trac. */
export const roadmapAdminPanels: readonly AdminPanel[] = [
  {
    category: { id: 'ticket', label: 'Ticket System' },
    id: 'milestones',
    label: 'Milestones',
    permission: 'TRAC_ADMIN',
    itemPages: true,
    screen: ({ path }) => <MilestonesAdminPanel path={path} />,
  },
];
