import type { AdminPanel } from '@/core/feature';
import { PermissionsPanel } from './permissions-panel';

/** The admin's own panel: who holds which permission. */
export const generalAdminPanels: readonly AdminPanel[] = [
  {
    category: { id: 'general', label: 'General' },
    id: 'perm',
    label: 'Permissions',
    permission: 'TRAC_ADMIN',
    screen: () => <PermissionsPanel />,
  },
];
