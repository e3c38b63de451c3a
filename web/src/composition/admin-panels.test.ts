import { describe, expect, it } from 'vitest';
import { adminPanelHref, adminPanels, findAdminPanel } from './admin-panels';

describe('admin panels gathered from the features', () => {
  it('lists every panel at its Trac address, by category and label', () => {
    expect(
      adminPanels.map((panel) => [panel.category.label, panel.label, adminPanelHref(panel)]),
    ).toEqual([
      ['General', 'Permissions', '/admin/general/perm'],
      ['Ticket System', 'Components', '/admin/ticket/components'],
      ['Ticket System', 'Custom Fields', '/admin/ticket/customfields'],
      ['Ticket System', 'Milestones', '/admin/ticket/milestones'],
      ['Ticket System', 'Priorities', '/admin/ticket/priority'],
      ['Ticket System', 'Resolutions', '/admin/ticket/resolution'],
      ['Ticket System', 'Severities', '/admin/ticket/severity'],
      ['Ticket System', 'Ticket Types', '/admin/ticket/type'],
      ['Ticket System', 'Versions', '/admin/ticket/versions'],
      ['Ticket System', 'Workflow', '/admin/ticket/workflow'],
    ]);
  });

  it('finds a panel by its category and name, and nothing for unknown ones', () => {
    expect(findAdminPanel('ticket', 'milestones')?.label).toBe('Milestones');
    expect(findAdminPanel('general', 'milestones')).toBeUndefined();
    expect(findAdminPanel('ticket', 'nope')).toBeUndefined();
  });

  it('gives item pages only to the lists whose items have them', () => {
    const withItems = adminPanels.filter((panel) => panel.itemPages).map((panel) => panel.id);
    expect(withItems).not.toContain('perm');
    expect(withItems).not.toContain('workflow');
    expect(withItems).toContain('components');
  });
});
