import type { ReactNode } from 'react';
import { AdminForm } from './admin-form';
import type { AdminFormAction } from './admin-form-state';

/** Trac's add box: a titled fieldset and an Add button; a successful add clears the fields. */
export function AddForm(props: { action: AdminFormAction; title: string; children: ReactNode }) {
  return (
    <AdminForm action={props.action} label={props.title} resetOnSuccess>
      <fieldset>
        <legend>{props.title}:</legend>
        {props.children}
        <div className="buttons">
          <button type="submit">Add</button>
        </div>
      </fieldset>
    </AdminForm>
  );
}
