import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { listPermissionGrants } from '@/features/admin/list-permission-grants';

export const metadata = { title: 'Administration' };

export default async function AdminPage() {
  await requirePermission('TRAC_ADMIN', '/admin');
  const grants = await listPermissionGrants({ db: getDb() });
  return (
    <>
      <h1>Administration</h1>
      <p className="muted">
        Groups from the sign-in service give roles: <code>admins</code> administer,{' '}
        <code>instructors</code> manage tickets, wiki, milestones and learning, and{' '}
        <code>learners</code> read, comment and answer. The grants stored in Trac’s permission table
        are listed below; the app does not apply or edit them yet.
      </p>
      <h2>Permission grants</h2>
      {grants.length === 0 ? (
        <p className="notice">No grants are stored.</p>
      ) : (
        <table className="listing">
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {grants.map((grant) => (
              <tr key={`${grant.username}-${grant.action}`}>
                <td>{grant.username}</td>
                <td>{grant.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
