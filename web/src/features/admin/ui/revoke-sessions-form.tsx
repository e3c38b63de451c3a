import { revokeUserSessionsAction } from '../session-admin-actions';
import { AdminForm, AdminInput } from './admin-form';

/** Ends every session a user has, for a lost laptop or a person who has left. */
export function RevokeSessionsForm(props: { listId: string }) {
  return (
    <AdminForm action={revokeUserSessionsAction} label="Sign a User Out Everywhere" resetOnSuccess>
      <fieldset>
        <legend>Sign a User Out Everywhere:</legend>
        <label className="field">
          <span>User:</span>
          <AdminInput
            name="username"
            type="text"
            list={props.listId}
            required
            aria-label="User to sign out"
          />
        </label>
        <p className="help">
          Every session the user has now ends on its next request; they can sign in again.
        </p>
        <div className="buttons">
          <button type="submit">Sign out</button>
        </div>
      </fieldset>
    </AdminForm>
  );
}
