import { describe, expect, it } from 'vitest';
import { listPermissions } from '@/core/auth/roles';
import { buildNavigation, findActiveEntry } from '@/core/navigation';
import { features } from './registry';

const labelsFor = (roles: Parameters<typeof listPermissions>[0]) =>
  buildNavigation({ features, permissions: listPermissions(roles) }).map((entry) => entry.label);

describe('main navigation from the feature registry', () => {
  it("shows an admin every tab in Trac's order", () => {
    expect(labelsFor(['admin'])).toEqual([
      'Wiki',
      'Timeline',
      'Roadmap',
      'View Tickets',
      'New Ticket',
      'Search',
      'Learning',
      'Admin',
    ]);
  });

  it('shows a learner New Ticket and Learning but not Admin', () => {
    const labels = labelsFor(['learner']);
    expect(labels).toContain('New Ticket');
    expect(labels).toContain('Learning');
    expect(labels).not.toContain('Admin');
  });

  it('shows anonymous visitors only the reading tabs', () => {
    expect(labelsFor(null)).toEqual(['Wiki', 'Timeline', 'Roadmap', 'View Tickets', 'Search']);
  });

  it('orders tabs by their declared order, not by their place in the list', () => {
    const entries = buildNavigation({
      features: [
        { id: 'b', navigation: { label: 'B', href: '/b', order: 2 } },
        { id: 'a', navigation: { label: 'A', href: '/a', order: 1 } },
        { id: 'none' },
      ],
      permissions: new Set(),
    });
    expect(entries.map((entry) => entry.label)).toEqual(['A', 'B']);
  });
});

describe('findActiveEntry', () => {
  const entries = buildNavigation({ features, permissions: listPermissions(['admin']) });

  it('marks View Tickets while reading a ticket', () => {
    expect(findActiveEntry(entries, '/ticket/12')?.label).toBe('View Tickets');
  });

  it('marks the tab of a nested page', () => {
    expect(findActiveEntry(entries, '/wiki/Guide/Start')?.label).toBe('Wiki');
  });

  it('marks nothing on a page outside every tab', () => {
    expect(findActiveEntry(entries, '/login')).toBeUndefined();
    expect(findActiveEntry(entries, '/wikipedia')).toBeUndefined();
  });
});
