// Trac's standard reports, written for this schema. Conventions the report page follows, as
// in Trac: a `ticket` column links to the ticket, `__group__` groups rows, `__color__` is the
// priority's order (1-5), columns starting with `_` are hidden, `$USER` is the viewer.
export type DefaultReport = { id: number; title: string; description: string; query: string };

const activeColumns = `
  p.value AS __color__,
  t.id AS ticket, t.summary, t.component, t.version, t.milestone, t.type, t.owner, t.status,
  t.time AS created, t.changetime AS _changetime, t.description AS _description,
  t.reporter AS _reporter`;
const byPriority = `LEFT JOIN enum p ON p.name = t.priority AND p.type = 'priority'`;

export const DEFAULT_REPORTS: DefaultReport[] = [
  {
    id: 1,
    title: 'Active Tickets',
    description: ' * List all active tickets by priority.\n * Color each row based on priority.',
    query: `SELECT ${activeColumns}
FROM ticket t ${byPriority}
WHERE t.status <> 'closed'
ORDER BY CAST(p.value AS integer), t.milestone, t.type, t.time`,
  },
  {
    id: 2,
    title: 'Active Tickets by Version',
    description:
      'This report shows how to color results by priority, while grouping results by version.',
    query: `SELECT t.version AS __group__, ${activeColumns}
FROM ticket t ${byPriority}
WHERE t.status <> 'closed'
ORDER BY (t.version IS NULL), t.version, CAST(p.value AS integer), t.type, t.time`,
  },
  {
    id: 3,
    title: 'Active Tickets by Milestone',
    description:
      'This report shows how to color results by priority, while grouping results by milestone.',
    query: `SELECT 'Milestone ' || t.milestone AS __group__, ${activeColumns}
FROM ticket t ${byPriority}
WHERE t.status <> 'closed'
ORDER BY (t.milestone IS NULL), t.milestone, CAST(p.value AS integer), t.type, t.time`,
  },
  {
    id: 4,
    title: 'Accepted, Active Tickets by Owner',
    description: 'List accepted tickets, group by ticket owner, sorted by priority.',
    query: `SELECT t.owner AS __group__, ${activeColumns}
FROM ticket t ${byPriority}
WHERE t.status = 'accepted'
ORDER BY t.owner, CAST(p.value AS integer), t.time`,
  },
  {
    id: 5,
    title: 'All Tickets By Milestone (Including closed)',
    description:
      'A more complex example to show how to make advanced reports; closed tickets are shown struck through.',
    query: `SELECT 'Milestone ' || t.milestone AS __group__,
  p.value AS __color__,
  CASE WHEN t.status = 'closed' THEN 'color: #777; text-decoration: line-through;' END AS __style__,
  t.id AS ticket, t.summary, t.component, t.status, t.resolution, t.version, t.type,
  t.priority, t.owner, t.changetime AS modified,
  t.time AS _time, t.reporter AS _reporter
FROM ticket t ${byPriority}
ORDER BY (t.milestone IS NULL), t.milestone, (t.status = 'closed'), CAST(p.value AS integer), t.time`,
  },
  {
    id: 6,
    title: 'My Tickets',
    description:
      'This report demonstrates the use of the automatically set USER dynamic variable, replaced with the username of the logged in user when executed.',
    query: `SELECT p.value AS __color__,
  CASE WHEN t.status = 'accepted' THEN 'Accepted' ELSE 'Owned' END AS __group__,
  t.id AS ticket, t.summary, t.component, t.version, t.milestone, t.type, t.priority,
  t.time AS created, t.changetime AS _changetime, t.description AS _description,
  t.reporter AS _reporter
FROM ticket t ${byPriority}
WHERE t.status <> 'closed' AND t.owner = $USER
ORDER BY (t.status = 'accepted') DESC, CAST(p.value AS integer), t.milestone, t.type, t.time`,
  },
  {
    id: 7,
    title: 'Active Tickets, Mine first',
    description:
      ' * List all active tickets by priority.\n * Show all tickets owned by the logged in user in a group first.',
    query: `SELECT p.value AS __color__,
  CASE WHEN t.owner = $USER THEN 'My Tickets' ELSE 'Active Tickets' END AS __group__,
  t.id AS ticket, t.summary, t.component, t.version, t.milestone, t.type, t.owner, t.status,
  t.time AS created, t.changetime AS _changetime, t.description AS _description,
  t.reporter AS _reporter
FROM ticket t ${byPriority}
WHERE t.status <> 'closed'
ORDER BY (COALESCE(t.owner, '') = $USER) DESC, CAST(p.value AS integer), t.milestone, t.type, t.time`,
  },
];
