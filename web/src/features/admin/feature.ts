import type { Feature } from '@/core/feature';
import { generalAdminPanels } from './ui/admin-panels';

export const adminFeature: Feature = {
  id: 'admin',
  navigation: { label: 'Admin', href: '/admin', order: 80, permission: 'TRAC_ADMIN' },
  adminPanels: generalAdminPanels,
};
