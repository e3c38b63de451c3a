// Trac-style permission rows (username, action): a row whose action is a group name makes
// the subject a member of that group. Cognito groups arrive as the group subjects below.
const VIEW = [
  'MILESTONE_VIEW',
  'REPORT_SQL_VIEW',
  'REPORT_VIEW',
  'ROADMAP_VIEW',
  'SEARCH_VIEW',
  'TICKET_VIEW',
  'TIMELINE_VIEW',
  'WIKI_VIEW',
];

export const DEFAULT_PERMISSIONS: Record<string, string[]> = {
  anonymous: VIEW,
  // Learning is for signed-in people.
  authenticated: ['LEARNING_VIEW'],
  // Learners: view, file and comment on tickets, answer, their own progress.
  learners: [
    'authenticated',
    'TICKET_CREATE',
    'TICKET_APPEND',
    'LEARNING_ANSWER',
    'LEARNING_PROGRESS_OWN',
  ],
  // Instructors: tickets, wiki, milestones and learning management.
  instructors: [
    'authenticated',
    'TICKET_CREATE',
    'TICKET_MODIFY',
    'TICKET_APPEND',
    'TICKET_EDIT_COMMENT',
    'WIKI_CREATE',
    'WIKI_MODIFY',
    'WIKI_RENAME',
    'WIKI_DELETE',
    'MILESTONE_CREATE',
    'MILESTONE_MODIFY',
    'MILESTONE_DELETE',
    'MILESTONE_ADMIN',
    'REPORT_CREATE',
    'REPORT_MODIFY',
    'LEARNING_ANSWER',
    'LEARNING_PROGRESS_OWN',
    'LEARNING_MANAGE',
    'LEARNING_INGEST',
    'LEARNING_REVIEW',
    'LEARNING_PROGRESS_ALL',
  ],
  admins: ['TRAC_ADMIN'],
};

export function permissionRows(): { username: string; action: string }[] {
  return Object.entries(DEFAULT_PERMISSIONS).flatMap(([username, actions]) =>
    actions.map((action) => ({ username, action })),
  );
}
