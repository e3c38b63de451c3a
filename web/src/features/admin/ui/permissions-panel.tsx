import { isPermissionAction, PERMISSION_ACTIONS } from '@learntrac/db/permissions';
import { getDb } from '@/core/db';
import { AddForm } from '@/core/forms/add-form';
import { AdminForm, AdminInput, AdminSelect } from '@/core/forms/admin-form';
import { listPermissionGrants } from '@/features/admin/permission-admin';
import { grantPermissionAction, revokePermissionsAction } from './permission-actions';

const GROUPS = ['anonymous', 'authenticated', 'admins', 'instructors', 'learners'];

export async function PermissionsPanel() {
  const grants = await listPermissionGrants({ db: getDb() });
  const subjects = [...new Set([...GROUPS, ...grants.map((grant) => grant.username)])];
  const groups = [
    ...new Set([
      ...GROUPS,
      ...grants.filter((g) => !isPermissionAction(g.action)).map((g) => g.action),
    ]),
  ];
  return (
    <>
      <h1>
        <span className="category">General: </span>Manage Permissions and Groups
      </h1>
      <p className="help">
        <code>anonymous</code> applies to everyone, <code>authenticated</code> to anyone signed in,
        and <code>admins</code>, <code>instructors</code> and <code>learners</code> to the members
        of those sign-in groups. A subject may also be made a member of any group here.
      </p>
      <div className="admin-columns">
        <div>
          <AddForm action={grantPermissionAction} title="Grant Permission">
            <label className="field">
              <span>Subject (user or group):</span>
              <AdminInput
                name="subject"
                type="text"
                list="perm-subjects"
                required
                aria-label="Subject"
              />
            </label>
            <label className="field">
              <span>Action:</span>
              <AdminSelect name="action" aria-label="Action">
                {PERMISSION_ACTIONS.map((action) => (
                  <option key={action}>{action}</option>
                ))}
              </AdminSelect>
            </label>
          </AddForm>
          <AddForm action={grantPermissionAction} title="Add Subject to Group">
            <label className="field">
              <span>Subject:</span>
              <AdminInput
                name="subject"
                type="text"
                list="perm-subjects"
                required
                aria-label="Member"
              />
            </label>
            <label className="field">
              <span>Group:</span>
              <AdminInput
                name="action"
                type="text"
                list="perm-groups"
                required
                aria-label="Group"
              />
            </label>
          </AddForm>
          <datalist id="perm-subjects">
            {subjects.map((subject) => (
              <option key={subject} value={subject} />
            ))}
          </datalist>
          <datalist id="perm-groups">
            {groups.map((group) => (
              <option key={group} value={group} />
            ))}
          </datalist>
        </div>
        <AdminForm action={revokePermissionsAction} label="Permission grants">
          <table className="listing">
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Actions and groups</th>
              </tr>
            </thead>
            <tbody>
              {subjects
                .filter((subject) => grants.some((grant) => grant.username === subject))
                .map((subject) => (
                  <tr key={subject}>
                    <th scope="row">{subject}</th>
                    <td>
                      {grants
                        .filter((grant) => grant.username === subject)
                        .map((grant) => (
                          <label
                            key={grant.action}
                            className={`check${isPermissionAction(grant.action) ? '' : ' group-member'}`}
                          >
                            <AdminInput
                              type="checkbox"
                              name="sel"
                              value={`${subject}:${grant.action}`}
                              aria-label={`Revoke ${grant.action} from ${subject}`}
                            />
                            {grant.action}
                          </label>
                        ))}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          <div className="buttons">
            <button type="submit">Remove selected items</button>
          </div>
          <p className="help">Group memberships are shown in italics.</p>
        </AdminForm>
      </div>
    </>
  );
}
