import type { AdminPanel } from '@/core/feature';
import { features } from './registry';

/** Every feature's admin panels, by category and then label, as Trac lists them. */
export const adminPanels: readonly AdminPanel[] = features
  .flatMap((feature) => feature.adminPanels ?? [])
  .sort(
    (a, b) =>
      a.category.label.localeCompare(b.category.label, 'en') ||
      a.label.localeCompare(b.label, 'en'),
  );

export function findAdminPanel(category: string, id: string): AdminPanel | undefined {
  return adminPanels.find((panel) => panel.category.id === category && panel.id === id);
}

export const adminPanelHref = (panel: AdminPanel) => `/admin/${panel.category.id}/${panel.id}`;
