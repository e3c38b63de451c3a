/** The admin's panels, grouped by category as in Trac's left-hand list. */
export const ADMIN_PANELS = [
  { category: 'General', label: 'Permissions', href: '/admin/general/perm' },
  { category: 'Ticket System', label: 'Components', href: '/admin/ticket/components' },
  { category: 'Ticket System', label: 'Custom Fields', href: '/admin/ticket/customfields' },
  { category: 'Ticket System', label: 'Milestones', href: '/admin/ticket/milestones' },
  { category: 'Ticket System', label: 'Priorities', href: '/admin/ticket/priority' },
  { category: 'Ticket System', label: 'Resolutions', href: '/admin/ticket/resolution' },
  { category: 'Ticket System', label: 'Severities', href: '/admin/ticket/severity' },
  { category: 'Ticket System', label: 'Ticket Types', href: '/admin/ticket/type' },
  { category: 'Ticket System', label: 'Versions', href: '/admin/ticket/versions' },
  { category: 'Ticket System', label: 'Workflow', href: '/admin/ticket/workflow' },
] as const;

/** The enum panels' URL names (Trac's) and the `enum` table type behind each. */
export const ENUM_PANELS = {
  priority: { list: 'priority', title: 'Priorities', one: 'Priority' },
  resolution: { list: 'resolution', title: 'Resolutions', one: 'Resolution' },
  severity: { list: 'severity', title: 'Severities', one: 'Severity' },
  type: { list: 'ticket_type', title: 'Ticket Types', one: 'Ticket Type' },
} as const;
