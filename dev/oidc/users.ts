/** A person who can sign in at the local issuer, shaped like a Cognito user-pool user. */
export interface IssuerUser {
  /** Stable subject identifier (Cognito: the user's `sub`, a UUID). */
  sub: string;
  /** Cognito user name (`cognito:username`). */
  username: string;
  email: string;
  password: string;
  /** Cognito groups (`cognito:groups`). */
  groups: string[];
  name?: string;
}

/**
 * The seeded accounts, one per Cognito group. The subs are fixed so that seeded data
 * (paths, progress) can refer to these people across restarts.
 */
export const seededUsers: readonly IssuerUser[] = [
  {
    sub: '0c8f9a52-6a3e-4a43-9d5a-1f0a7c1e0001',
    username: 'admin',
    email: 'admin@learntrac.local',
    password: 'learntrac-admin',
    groups: ['admins'],
    name: 'Ada Admin',
  },
  {
    sub: '0c8f9a52-6a3e-4a43-9d5a-1f0a7c1e0002',
    username: 'instructor',
    email: 'instructor@learntrac.local',
    password: 'learntrac-instructor',
    groups: ['instructors'],
    name: 'Ivan Instructor',
  },
  {
    sub: '0c8f9a52-6a3e-4a43-9d5a-1f0a7c1e0003',
    username: 'learner',
    email: 'learner@learntrac.local',
    password: 'learntrac-learner',
    groups: ['learners'],
    name: 'Lea Learner',
  },
];

/** Finds the user whose email (case-insensitive) and password both match. */
export function findUserByCredentials(options: {
  users: readonly IssuerUser[];
  email: string;
  password: string;
}): IssuerUser | undefined {
  const email = options.email.trim().toLowerCase();
  return options.users.find(
    (user) => user.email.toLowerCase() === email && user.password === options.password,
  );
}
