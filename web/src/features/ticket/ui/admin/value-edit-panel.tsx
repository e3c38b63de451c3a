import Link from 'next/link';
import type { ReactNode } from 'react';
import { AdminForm, AdminInput } from '@/core/forms/admin-form';
import { updateTicketValueAction } from './ticket-admin-actions';

/** A value's own page: rename it (its tickets follow) and edit its other fields. */
export function ValueEditPanel(props: {
  list: string;
  one: string;
  title: string;
  base: string;
  name: string;
  children?: ReactNode;
}) {
  return (
    <>
      <h1>
        <span className="category">Ticket System: </span>
        {props.title}
      </h1>
      <AdminForm action={updateTicketValueAction} label={`Modify ${props.one}`}>
        <fieldset>
          <legend>Modify {props.one}:</legend>
          <input type="hidden" name="list" value={props.list} />
          <input type="hidden" name="originalName" value={props.name} />
          <input type="hidden" name="back" value={props.base} />
          <label className="field">
            <span>Name:</span>
            <AdminInput name="name" type="text" defaultValue={props.name} required />
          </label>
          {props.children}
          <div className="buttons">
            <button type="submit">Save</button>
            <Link href={props.base}>Cancel</Link>
          </div>
        </fieldset>
      </AdminForm>
    </>
  );
}
